package dev.autoencoder.data.io;

import dev.autoencoder.data.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form in which datasets publish their checksums. */
public final class Sha256 {

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

    /** The finished value of {@code digest} as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
