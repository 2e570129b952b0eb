package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, a decoder returns finite samples in [-1, 1] or throws AudioFormatException. */
class DecoderPropertiesTest {
    @Provide
    Arbitrary<SampleEncoding> encodings() {
        return Arbitraries.of(SampleEncoding.values());
    }

    @Property(tries = 400)
    void decodersReturnBoundedSamplesOrTypedErrors(@ForAll("encodings") SampleEncoding encoding,
                                                   @ForAll @IntRange(min = 1, max = 2) int channels,
                                                   @ForAll @Size(max = 600) byte[] payload) {
        StreamDecoder decoder = AudioDecoders.forStream(encoding, 48_000, channels);
        float[] samples;
        try {
            samples = decoder.decode(payload);
        } catch (AudioFormatException expected) {
            assertThat(expected.field()).isNotBlank();
            return;
        }
        for (float s : samples) {
            assertThat(s).isBetween(-1f, 1f);
        }
    }

    @Property(tries = 200)
    void oneOpusStreamSurvivesAnySequenceOfPackets(@ForAll @Size(min = 1, max = 8) java.util.List<@Size(max = 300) byte[]> packets) {
        StreamDecoder decoder = AudioDecoders.forStream(SampleEncoding.OPUS, 48_000, 1);
        for (byte[] packet : packets) {
            try {
                for (float s : decoder.decode(packet)) {
                    assertThat(s).isBetween(-1f, 1f);
                }
            } catch (AudioFormatException expected) {
                assertThat(expected.field()).isEqualTo("payload");
            }
        }
    }
}
