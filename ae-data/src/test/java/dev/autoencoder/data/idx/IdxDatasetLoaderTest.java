package dev.autoencoder.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.IdxTestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetLoaderTest {
    @TempDir
    Path dir;

    @Test
    void pairsImagesWithLabels() throws IOException {
        Path images = IdxTestFiles.write(dir.resolve("i.gz"), IdxTestFiles.gzip(IdxTestFiles.images(6, 4, 5)));
        Path labels = IdxTestFiles.write(dir.resolve("l.gz"), IdxTestFiles.gzip(IdxTestFiles.labels(6, 3)));
        Dataset d = new IdxDatasetLoader().load(images, labels, "toy", List.of("x", "y", "z"));
        assertEquals("toy", d.name());
        assertEquals(6, d.size());
        assertArrayEquals(new int[] {1, 4, 5}, d.sampleShape());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, d.labels());
        assertEquals("z", d.labelName(d.label(5)));
        assertEquals((5 * 7 + 19) % 256, d.data()[5 * 20 + 19]);
    }

    @Test
    void loadsUnlabeledImagesAndFlatRows() throws IOException {
        Path rows = IdxTestFiles.write(dir.resolve("rows"), IdxTestFiles.bytes(0x08, new int[] {3, 2}, new byte[6]));
        Dataset d = new IdxDatasetLoader().loadUnlabeled(rows, "rows");
        assertArrayEquals(new int[] {2}, d.sampleShape());
        assertFalse(d.hasLabels());
    }
}
