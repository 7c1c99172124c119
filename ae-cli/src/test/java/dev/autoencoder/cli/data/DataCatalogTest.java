package dev.autoencoder.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataNotFoundException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
    private final DataCatalog catalog = new DataCatalog();

    @TempDir
    Path dir;

    private static DataRequest request(String source) {
        return new DataRequest(source, null, null, null);
    }

    private static void assertInUnitRange(float[] values) {
        for (float v : values) {
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
    }

    @Test
    void theBundledDigitsAreSplitTheSameWayEveryTime() {
        LoadedData data = catalog.load(request("digits"), Optional.empty());
        assertEquals(1438, data.train().size());
        assertEquals(359, data.test().size());
        assertArrayEquals(new int[] {1, 8, 8}, data.train().sampleShape());
        assertTrue(data.images() && data.test().hasLabels());
        assertInUnitRange(data.train().data());
        assertArrayEquals(data.test().data(), catalog.load(request("digits"), Optional.empty()).test().data());
    }

    @Test
    void csvColumnsAreScaledByTheirTrainingRangeAndASavedScalingIsReused() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(1000 + 10 * i).append(',').append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("table.csv"), csv);
        LoadedData data = catalog.load(new DataRequest(file.toString(), null, null, "label"), Optional.empty());
        assertEquals("table", data.name());
        assertEquals(40, data.train().size());
        assertEquals(2, data.scaling().features());
        assertInUnitRange(data.train().data());
        Scaling saved = Scaling.ofRange(0, 2000);
        LoadedData again = catalog.load(new DataRequest(file.toString(), null, null, "label"), Optional.of(saved));
        assertTrue(again.train().data()[1] > 0.49 && again.train().data()[1] < 0.99, "b scaled by 1/2000");
    }

    @Test
    void aCsvTimeSeriesIsSplitInTimeOrderThenWindowed() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int t = 0; t < 100; t++) {
            csv.append(Math.sin(t / 5.0)).append(',').append(t).append('\n');
        }
        Path file = Files.writeString(dir.resolve("series.csv"), csv);
        LoadedData data = catalog.load(new DataRequest(file.toString(), 10, 5, null), Optional.empty());
        assertArrayEquals(new int[] {2, 10}, data.train().sampleShape());
        assertEquals(15, data.train().size(), "80 steps in windows of 10 every 5");
        assertEquals(3, data.test().size(), "the last 20 steps");
        assertEquals(1f, data.test().data()[2 * 10 - 1], "y of the test part lies above its training range: clamped to 1");
    }

    @Test
    void aFolderOfImagesIsReadAsGrayscale() throws IOException {
        for (String cls : new String[] {"cats", "dogs"}) {
            Files.createDirectories(dir.resolve("pets").resolve(cls));
            for (int i = 0; i < 5; i++) {
                BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
                image.setRGB(i, 1, 0xffffff);
                ImageIO.write(image, "png", dir.resolve("pets").resolve(cls).resolve(i + ".png").toFile());
            }
        }
        LoadedData data = catalog.load(request(dir.resolve("pets").toString()), Optional.empty());
        assertArrayEquals(new int[] {1, 4, 6}, data.train().sampleShape());
        assertEquals(8, data.train().size());
        assertEquals(2, data.train().classNames().size());
        assertInUnitRange(data.train().data());
    }

    @Test
    void badSourcesFailNamingThem() throws IOException {
        Path missing = dir.resolve("nothing.csv");
        var e = assertThrows(DataNotFoundException.class, () -> catalog.load(request(missing.toString()), Optional.empty()));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        Path notIdx = Files.writeString(dir.resolve("notes.bin"), "not an idx file");
        assertThrows(DataException.class, () -> catalog.load(request(notIdx.toString()), Optional.empty()));
        Path table = Files.writeString(dir.resolve("t.csv"), "1,2\n3,4\n5,6\n7,8\n9,10\n");
        assertThrows(DataException.class, () -> catalog.load(new DataRequest(table.toString(), null, null, null),
                Optional.of(Scaling.fitPerFeature(dev.autoencoder.data.Dataset.unlabeled("x", new float[3], 3)))));
    }

    @Test
    void requestsHaveShortNames() {
        assertEquals("digits", request("digits").name());
        assertEquals("fashion-mnist", request("fashion-mnist").name());
        assertEquals("train-images", request("/data/train-images-idx3-ubyte.gz").name());
        assertEquals("sensor", request("runs/../sensor.csv.gz").name());
        assertThrows(IllegalArgumentException.class, () -> new DataRequest("x.csv", null, 3, null));
    }
}
