package dev.autoencoder.data.io;

import dev.autoencoder.data.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form in which datasets publish their checksums. */
public final class Sha256 {
    /** Floats hashed at a time. */
    private static final int FLOAT_CHUNK = 1 << 16;

    private Sha256() {
    }

    /** A fresh SHA-256 digest (every JVM must provide the algorithm). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which the Java platform requires", e);
        }
    }

    /** The digest of the bytes in {@code file}. @throws DataException when it cannot be read */
    public static String of(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(DataSource.requireReadableFile(file))) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e, e);
        }
        return hex(digest);
    }

    /** Feeds {@code values} to {@code digest} as little-endian floats, a chunk at a time (no copy of the whole array). */
    public static void updateFloats(MessageDigest digest, float[] values) {
        ByteBuffer chunk = ByteBuffer.allocate(4 * FLOAT_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += FLOAT_CHUNK) {
            chunk.clear();
            int n = Math.min(FLOAT_CHUNK, values.length - from);
            chunk.asFloatBuffer().put(values, from, n);
            chunk.limit(4 * n);
            digest.update(chunk);
        }
    }

    /** The finished value of {@code digest} as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
