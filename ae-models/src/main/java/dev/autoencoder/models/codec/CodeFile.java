package dev.autoencoder.models.codec;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.models.family.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * A file of codes: what {@code ae compress} writes and {@code ae decompress} reads. Big-endian, in this order:
 * <ol>
 *   <li>the magic {@code "AECODES"} and the byte {@code 0x1A}; the format version (u16, 1); the precision (u8: 2
 *       for float16, 4 for float32); a zero byte;
 *   <li>the SHA-256 of the model spec's JSON (32 bytes), so codes are only decoded by the model that made them (files
 *       written before spec format 2 hold the hash of the spec's format-1 JSON, which identifies the model as well);
 *   <li>the latent size and the number of samples (u32 each); the model's input shape (u8 rank, u32 dimensions);
 *   <li>where the samples came from (a modified-UTF-8 string, as {@link DataOutputStream#writeUTF});
 *   <li>each sample's id (u32), a labels flag (u8) and each label (i32) when set;
 *   <li>the codes, sample by sample, in the stated precision;
 *   <li>a CRC-32 of everything before it (u32).
 * </ol>
 * Reading checks every field, the length and the checksum, and names the file and the problem when one is wrong.
 *
 * @param specHash   SHA-256 of the model spec's JSON (in one of its {@linkplain ModelSpec#jsonForms() forms})
 * @param precision  how the codes are stored
 * @param latent     values per code
 * @param inputShape the model's input shape
 * @param origin     the data and part the samples came from, e.g. {@code digits test}
 * @param ids        each sample's id in that part
 * @param labels     each sample's label, or null
 * @param codes      {@code ids.length x latent} values, as stored (float16 codes are already rounded)
 */
public record CodeFile(byte[] specHash, Precision precision, int latent, List<Integer> inputShape, String origin, int[] ids,
        int[] labels, float[] codes) {
    private static final byte[] MAGIC = {'A', 'E', 'C', 'O', 'D', 'E', 'S', 0x1A};
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;
    private static final int MAX_RANK = 8;

    public CodeFile {
        inputShape = List.copyOf(inputShape);
        if (specHash.length != HASH_BYTES || latent < 1 || codes.length != (long) ids.length * latent
                || labels != null && labels.length != ids.length) {
            throw new IllegalArgumentException("inconsistent code file: " + ids.length + " ids, " + codes.length + " code values of "
                    + latent + ", " + (labels == null ? "no" : labels.length) + " labels");
        }
        specHash = specHash.clone();
        ids = ids.clone();
        labels = labels == null ? null : labels.clone();
        codes = precision == Precision.FLOAT16 ? roundToHalf(codes) : codes.clone();
    }

    /** The SHA-256 of {@code spec}'s JSON, which identifies the model. */
    public static byte[] hash(ModelSpec spec) {
        return sha256(spec.toJson());
    }

    private static byte[] sha256(String json) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether these codes were made by the model of {@code spec}: their hash is that of one of the spec's JSON forms
     * (the current one, or the format-1 one that code files written before format 2 hold).
     */
    public boolean madeBy(ModelSpec spec) {
        return spec.jsonForms().stream().anyMatch(json -> Arrays.equals(specHash, sha256(json)));
    }

    /** Number of samples. */
    public int size() {
        return ids.length;
    }

    /**
     * The samples these codes were made from, when the data at hand is where they came from: {@code samples} (asked for
     * only then) of {@code origin}, which must hold every id.
     */
    public Optional<Dataset> originals(String origin, Supplier<Dataset> samples) {
        if (!origin.equals(this.origin)) {
            return Optional.empty();
        }
        Dataset all = samples.get();
        return Arrays.stream(ids).anyMatch(id -> id < 0 || id >= all.size()) ? Optional.empty() : Optional.of(all.select(ids).toDataset());
    }

    /** Writes this file atomically; returns its size in bytes. */
    public long write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeByte(precision.bytes());
            out.writeByte(0);
            out.write(specHash);
            out.writeInt(latent);
            out.writeInt(ids.length);
            out.writeByte(inputShape.size());
            for (int d : inputShape) {
                out.writeInt(d);
            }
            out.writeUTF(origin);
            for (int id : ids) {
                out.writeInt(id);
            }
            out.writeByte(labels == null ? 0 : 1);
            if (labels != null) {
                for (int label : labels) {
                    out.writeInt(label);
                }
            }
            for (float v : codes) {
                if (precision == Precision.FLOAT16) {
                    out.writeShort(Half.fromFloat(v));
                } else {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        AtomicFiles.write(file, out -> {
            out.write(body);
            new DataOutputStream(out).writeInt((int) crc.getValue());
        });
        return body.length + 4L;
    }

    /** Reads and checks the code file {@code file}. */
    public static CodeFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataNotFoundException(file, "no such code file");
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new DataFormatException(file, "is not an ae code file (it does not start with the AECODES magic)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int stored = (all[all.length - 4] & 0xff) << 24 | (all[all.length - 3] & 0xff) << 16 | (all[all.length - 2] & 0xff) << 8
                | all[all.length - 1] & 0xff;
        if ((int) crc.getValue() != stored) {
            throw new DataFormatException(file, "is damaged: its checksum does not match its content");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - 4))) {
            return parse(file, in);
        } catch (EOFException e) {
            throw new DataFormatException(file, "is truncated: it ends inside its header or codes", e);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static CodeFile parse(Path file, DataInputStream in) throws IOException {
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new DataFormatException(file, "has format version " + version + "; this ae reads version " + VERSION);
        }
        Precision precision = Precision.ofBytes(in.readUnsignedByte());
        in.readUnsignedByte();
        if (precision == null) {
            throw new DataFormatException(file, "has an unknown code precision");
        }
        byte[] hash = in.readNBytes(HASH_BYTES);
        int latent = in.readInt();
        int count = in.readInt();
        int rank = in.readUnsignedByte();
        if (latent < 1 || count < 0 || rank < 1 || rank > MAX_RANK) {
            throw new DataFormatException(file, "has an impossible header: latent size " + latent + ", " + count + " samples, rank " + rank);
        }
        Integer[] shape = new Integer[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readInt();
        }
        String origin = in.readUTF();
        long needed = (long) count * (4 + (long) latent * precision.bytes()) + 1;
        if (in.available() < needed) {
            throw new DataFormatException(file, "is truncated: its header announces " + count + " codes of " + latent + " values");
        }
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = in.readInt();
        }
        int[] labels = null;
        if (in.readUnsignedByte() == 1) {
            labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readInt();
            }
        }
        float[] codes = new float[count * latent];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = precision == Precision.FLOAT16 ? Half.toFloat(in.readShort()) : in.readFloat();
        }
        if (in.available() != 0) {
            throw new DataFormatException(file, "has " + in.available() + " bytes after its codes");
        }
        return new CodeFile(hash, precision, latent, List.of(shape), origin, ids, labels, codes);
    }

    private static float[] roundToHalf(float[] values) {
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Half.toFloat(Half.fromFloat(values[i]));
        }
        return rounded;
    }

    @Override
    public byte[] specHash() {
        return specHash.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    @Override
    public float[] codes() {
        return codes.clone();
    }
}
