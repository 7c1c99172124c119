package dev.autoencoder.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoencoder.data.DataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void writtenFilesGetTheDefaultPermissionsOfNewFiles() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = AtomicFiles.write(dir.resolve("written.txt"), out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("result.csv"), "old");
        assertThrows(DataException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(dir));
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void missingParentFoldersAreCreated() throws IOException {
        Path nested = dir.resolve("a").resolve("b").resolve("c.txt");
        AtomicFiles.write(nested, out -> out.write("deep".getBytes(StandardCharsets.UTF_8)));
        assertEquals("deep", Files.readString(nested));
    }

    @Test
    void theFolderIsSyncedOnceAfterTheNewFileIsInPlace() throws IOException {
        Path target = Files.writeString(dir.resolve("model.bin"), "old");
        List<Path> synced = new ArrayList<>();
        AtomicFiles.replace(target, out -> out.write(ByteBuffer.wrap(new byte[] {1, 2, 3})), folder -> {
            synced.add(folder);
            try {
                assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target), "the rename came first");
                assertEquals(List.of(target), files(dir), "the temporary file is gone by then");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(dir.toAbsolutePath()), synced);
    }

    @Test
    void aFailedWriteSyncsNothingAndKeepsTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("model.bin"), "old");
        IOException failure = new IOException("simulated: device full");
        List<Path> synced = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.replace(target, out -> {
            out.write(ByteBuffer.wrap(new byte[100]));
            throw failure;
        }, synced::add));
        assertSame(failure, e);
        assertEquals(List.of(), synced);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void aFolderCanBeSyncedOnPosixFileSystems() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertTrue(AtomicFiles.syncFolder(dir), "opening and forcing a folder works on POSIX");
    }
}
