package io.callface.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-2, appendix B.1: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void bytesBuffersAndFilesGiveTheStandardDigest(@TempDir Path dir) throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("abc"), abc);

        assertThat(Sha256.hex(abc)).isEqualTo(ABC);
        assertThat(Sha256.hex(ByteBuffer.wrap(abc))).isEqualTo(ABC);
        assertThat(Sha256.hex(file)).isEqualTo(ABC);
        var digest = Sha256.newDigest();
        digest.update(abc);
        assertThat(Sha256.hex(digest)).isEqualTo(ABC);
    }
}
