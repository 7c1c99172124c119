package dev.autoencoder.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves an existing checkpoint byte-identical and no temporary file behind. */
class SafeTensorsAtomicWriteTest {

    @TempDir
    Path dir;

    private Path target;
    private byte[] original;

    @BeforeEach
    void writeOriginal() throws IOException {
        target = dir.resolve("model.safetensors");
        SafeTensors.write(target, Map.of("w", HostTensor.ofFloats(Shape.of(3), new float[] {1f, 2f, 3f})),
                Map.of("epoch", "1"));
        original = Files.readAllBytes(target);
    }

    private void assertUntouched() throws IOException {
        assertArrayEquals(original, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file may remain");
        }
    }

    @Test
    void anIoFailureHalfwayLeavesTheOldFile() throws IOException {
        IOException failure = new IOException("simulated: device full");
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.writeAtomically(target,
                out -> {
                    out.write(ByteBuffer.wrap(new byte[1000]));
                    throw failure;
                }));
        assertEquals(target, e.file());
        assertSame(failure, e.getCause());
        assertTrue(e.getMessage().startsWith(target + ": could not be written: "), e.getMessage());
        assertTrue(e.getMessage().contains("simulated: device full"), e.getMessage());
        assertUntouched();
    }

    @Test
    void anUncheckedFailureHalfwayPropagatesAndLeavesTheOldFile() throws IOException {
        IllegalStateException failure = new IllegalStateException("simulated: tensor cannot be encoded");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SafeTensors.writeAtomically(target,
                out -> {
                    out.write(ByteBuffer.wrap(new byte[100]));
                    throw failure;
                }));
        assertSame(failure, e);
        assertUntouched();
    }

    @Test
    void anInvalidTensorIsRejectedBeforeTheOldFileIsTouched() throws IOException {
        Map<String, HostTensor> tensors = Map.of("__metadata__", HostTensor.ofFloats(Shape.of(1), new float[1]));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(target, tensors, Map.of()));
        assertUntouched();
    }

    @Test
    void aSuccessfulWriteLeavesOnlyTheNewFile() throws IOException {
        SafeTensors.write(target, Map.of("v", HostTensor.ofDoubles(Shape.of(1), new double[] {4.0})), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals(List.of("v"), List.copyOf(SafeTensors.read(target).tensors().keySet()));
    }

    @Test
    void writingOverADirectoryFailsAndLeavesItAlone() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.safetensors"));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> SafeTensors.write(folder, Map.of(), Map.of()));
        assertEquals(folder, e.file());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void writingIntoAMissingFolderFailsClearly() {
        Path file = dir.resolve("missing").resolve("model.safetensors");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> SafeTensors.write(file, Map.of(), Map.of()));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
