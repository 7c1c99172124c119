package dev.autoencoder.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files (plain or gzip) for tests, including deliberately malformed ones. */
public final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** The bytes of an IDX file with the given type code, dimensions and unsigned-byte payload. */
    public static byte[] bytes(int typeCode, int[] dims, byte[] payload) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt((typeCode << 8) | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }

    /** An unsigned-byte IDX images file of {@code n} images of {@code h x w}, pixel (i, p) = (i * 7 + p) % 256. */
    public static byte[] images(int n, int h, int w) {
        byte[] payload = new byte[n * h * w];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                payload[i * h * w + p] = (byte) ((i * 7 + p) % 256);
            }
        }
        return bytes(0x08, new int[] {n, h, w}, payload);
    }

    /** An unsigned-byte IDX labels file of {@code n} labels, label i = i % classes. */
    public static byte[] labels(int n, int classes) {
        byte[] payload = new byte[n];
        for (int i = 0; i < n; i++) {
            payload[i] = (byte) (i % classes);
        }
        return bytes(0x08, new int[] {n}, payload);
    }

    /** {@code content} gzip-compressed. */
    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }

    /** Writes {@code content} to {@code file}, creating folders, and returns {@code file}. */
    public static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }
}
