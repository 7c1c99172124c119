package dev.autoencoder.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {
    @TempDir
    Path dir;

    private final ImageFolderLoader loader = new ImageFolderLoader();

    @Test
    void labelsImagesByTheirSortedSubfolders() throws IOException {
        TestImages.solid(dir.resolve("zebra").resolve("1.png"), 4, 3, 0xFF0000, "png");
        TestImages.solid(dir.resolve("apple").resolve("b.PNG"), 4, 3, 0x00FF00, "png");
        TestImages.solid(dir.resolve("apple").resolve("a.png"), 4, 3, 0x0000FF, "png");
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("apple").resolve("notes.txt"), "not an image");
        Dataset d = loader.load(dir, ImageFolderOptions.originalSize(ColorMode.RGB));
        assertEquals(List.of("apple", "zebra"), d.classNames());
        assertArrayEquals(new int[] {0, 0, 1}, d.labels());
        assertArrayEquals(new int[] {3, 3, 4}, d.sampleShape());
        float[] blue = d.slice(0, 1).features();
        assertEquals(0f, blue[0]);
        assertEquals(0f, blue[12]);
        assertEquals(255f, blue[24]);
        float[] red = d.slice(2, 3).features();
        assertEquals(255f, red[11]);
        assertEquals(0f, red[12 + 11]);
    }

    @Test
    void convertsToGrayscaleWithExactLevels() throws IOException {
        TestImages.gradient(dir.resolve("g.png"), 5, 2);
        Dataset d = loader.load(dir, ImageFolderOptions.originalSize(ColorMode.GRAYSCALE));
        assertFalse(d.hasLabels());
        assertArrayEquals(new int[] {1, 2, 5}, d.sampleShape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.data(), 1e-3f);
    }

    @Test
    void resizesMixedSizesAndReadsJpeg() throws IOException {
        TestImages.solid(dir.resolve("a").resolve("big.jpg"), 40, 30, 0x808080, "jpg");
        TestImages.solid(dir.resolve("a").resolve("small.png"), 3, 5, 0xFFFFFF, "png");
        Dataset d = loader.load(dir, ImageFolderOptions.resizedTo(ColorMode.GRAYSCALE, 8, 6));
        assertArrayEquals(new int[] {1, 6, 8}, d.sampleShape());
        assertEquals(128f, d.data()[20], 3f, "JPEG gray survives decoding and resizing");
        assertEquals(255f, d.data()[48 + 20], 1f);
    }
}
