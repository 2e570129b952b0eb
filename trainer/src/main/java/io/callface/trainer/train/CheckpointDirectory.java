package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A directory of training checkpoints: {@value #FACE_FILE} rewritten after every face-stage epoch (all face
 * networks and their Adam state) and {@value #VOICE_FILE} after every voice-stage epoch (the voice encoder and
 * its Adam state; the frozen face networks stay in {@value #FACE_FILE}). Each file is written beside its final
 * name and moved into place atomically, so an interrupted run leaves the previous epoch's checkpoint intact.
 *
 * <p>File format: the int {@value #MAGIC_HEX}, a length-prefixed UTF-8 JSON {@link Header}, the tensor count,
 * then per tensor its name (modified UTF-8), rank, dimensions (longs) and values (little-endian float32).
 */
public final class CheckpointDirectory {
    public static final String FACE_FILE = "face.ckpt";
    public static final String VOICE_FILE = "voice.ckpt";
    static final String MAGIC_HEX = "0x4346434b";
    private static final int MAGIC = 0x4346434b;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public CheckpointDirectory(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("checkpoint directory must not be null");
        }
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /**
     * What a checkpoint says about itself.
     *
     * @param stage       {@link EpochRecord#FACE} or {@link EpochRecord#VOICE}
     * @param epoch       epochs of that stage completed
     * @param updates     optimiser updates of that stage completed
     * @param preset      preset name
     * @param identities  training identities (the identity head's size)
     * @param trainingLog the run's {@link TrainingLog} so far, as CSV
     */
    public record Header(String stage, int epoch, int updates, String preset, int identities, String trainingLog) {
        public Header {
            if (!EpochRecord.FACE.equals(stage) && !EpochRecord.VOICE.equals(stage)) {
                throw new IllegalArgumentException("stage: '" + stage + "' is not one of face, voice");
            }
            if (epoch < 1 || updates < 1 || identities < 2 || preset == null || trainingLog == null) {
                throw new IllegalArgumentException("checkpoint header out of range: epoch " + epoch + ", updates "
                        + updates + ", identities " + identities + ", preset " + preset);
            }
        }
    }

    /** A checkpoint read back: its header and its tensors' values by name. */
    public record Stage(Header header, Map<String, float[]> tensors) {
        public Stage {
            tensors = Map.copyOf(tensors);
        }

        /** Copies every stored tensor into the same-named array of {@code targets}, which must all be present. */
        public void restoreInto(Map<String, NDArray> targets) {
            for (Map.Entry<String, NDArray> e : targets.entrySet()) {
                float[] values = tensors.get(e.getKey());
                if (values == null) {
                    throw new IllegalStateException(header.stage() + " checkpoint lacks tensor " + e.getKey());
                }
                if (values.length != e.getValue().size()) {
                    throw new IllegalStateException(header.stage() + " checkpoint tensor " + e.getKey() + " has "
                            + values.length + " values, the network expects " + e.getValue().size());
                }
                copyInto(e.getValue(), values);
            }
        }
    }

    /**
     * Overwrites {@code target} in place with {@code values}: in-place arithmetic keeps the parameter's own
     * tensor (and its gradient attachment), and {@code 0 * x + v} is exactly {@code v} for finite {@code x}.
     */
    static void copyInto(NDArray target, float[] values) {
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.muli(0).addi(source);
        }
    }

    /** Writes {@code stage}'s checkpoint file atomically. */
    public void save(Header header, Map<String, NDArray> tensors) {
        Path target = dir.resolve(fileOf(header.stage()));
        Path partial = dir.resolve(fileOf(header.stage()) + ".partial");
        try {
            Files.createDirectories(dir);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial),
                    1 << 20))) {
                out.writeInt(MAGIC);
                byte[] json = JSON.writeValueAsBytes(header);
                out.writeInt(json.length);
                out.write(json);
                out.writeInt(tensors.size());
                for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                    out.writeUTF(e.getKey());
                    long[] shape = e.getValue().getShape().getShape();
                    out.writeInt(shape.length);
                    for (long d : shape) {
                        out.writeLong(d);
                    }
                    float[] values = e.getValue().toFloatArray();
                    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.asFloatBuffer().put(values);
                    out.write(bytes.array());
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** Reads {@code stage}'s checkpoint, or empty when there is none. */
    public Optional<Stage> read(String stage) {
        Path file = dir.resolve(fileOf(stage));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException(file + ": not a callface checkpoint");
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            Header header = JSON.readValue(new String(json, StandardCharsets.UTF_8), Header.class);
            if (!header.stage().equals(stage)) {
                throw new IllegalStateException(file + ": holds stage " + header.stage() + ", expected " + stage);
            }
            int count = in.readInt();
            Map<String, float[]> tensors = new LinkedHashMap<>();
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                long size = 1;
                int rank = in.readInt();
                for (int i = 0; i < rank; i++) {
                    size *= in.readLong();
                }
                byte[] bytes = new byte[Math.toIntExact(4 * size)];
                in.readFully(bytes);
                float[] values = new float[(int) size];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                tensors.put(name, values);
            }
            return Optional.of(new Stage(header, tensors));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fileOf(String stage) {
        return EpochRecord.VOICE.equals(stage) ? VOICE_FILE : FACE_FILE;
    }
}
