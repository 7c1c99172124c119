package dev.autoencoder.data.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.batch.Splits;
import dev.autoencoder.data.bundled.BundledDigits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
    /** The first held-out digits, by index in the bundled file. */
    private static final int[] PINNED_DIGITS_TEST = {633, 804, 1175, 1076, 1242};

    private final DataCatalog catalog = new DataCatalog();

    @TempDir
    Path dir;

    private static DataRequest request(String source) {
        return new DataRequest(source, null, null, null);
    }

    private static int[] sourceIndices(DatasetView part) {
        return IntStream.range(0, part.size()).map(part::sourceIndex).toArray();
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
        assertEquals(89f / 79, data.test().data()[2 * 10 - 1], 1e-6, "y of the test part lies above its training range: a series "
                + "keeps it, unclamped");
    }

    @Test
    void aSeriesKeepsItsStepsAndReadsTheChosenColumns() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int t = 0; t < 100; t++) {
            csv.append(Math.sin(t / 5.0)).append(',').append(t).append(',').append(t >= 90 ? 1 : 0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("labelled.csv"), csv);
        SeriesData series = catalog.loadSeries(new DataRequest(file.toString(), 10, 1, "label", List.of("y")), Optional.empty());
        assertArrayEquals(new int[] {1}, series.train().sampleShape(), "one chosen column, one channel");
        assertEquals(80, series.train().size());
        assertEquals(20, series.test().size());
        assertEquals(80, series.firstStep(Split.TEST));
        assertEquals(0, series.firstStep(Split.ALL));
        assertEquals(100, series.steps(Split.ALL).size());
        assertEquals(1, series.test().label(10), "labels stay per step");
        assertEquals(71, series.windowed().train().size(), "windows of 10 every step");
        var missing = assertThrows(DataFormatException.class, () -> catalog.loadSeries(new DataRequest(file.toString(), 10, 1, "label",
                List.of("z")), Optional.empty()));
        assertTrue(missing.getMessage().contains("no column named 'z'"), missing.getMessage());
        var noWindow = assertThrows(IllegalArgumentException.class, () -> catalog.loadSeries(request(file.toString()), Optional.empty()));
        assertTrue(noWindow.getMessage().contains("none was given"), noWindow.getMessage());
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
    void theHoldoutIsFixedWhateverTheRunsSeed() {
        Dataset digits = BundledDigits.load();
        Splits first = Holdout.split(digits);
        new Rng(12345).nextLong();
        Splits again = Holdout.split(digits);
        assertEquals(359, first.test().size(), "20% of 1,797");
        assertArrayEquals(sourceIndices(first.test()), sourceIndices(again.test()));
        Set<Integer> seen = new HashSet<>();
        for (DatasetView part : List.of(first.train(), first.test())) {
            for (int i : sourceIndices(part)) {
                assertTrue(seen.add(i), "sample " + i + " is in one part only");
            }
        }
        assertEquals(digits.size(), seen.size());
        // pinned: run folders trained on these digits must keep their test part (change only with the generator)
        assertArrayEquals(PINNED_DIGITS_TEST, Arrays.copyOf(sourceIndices(first.test()), PINNED_DIGITS_TEST.length));
        LoadedData loaded = catalog.load(request("digits"), Optional.empty());
        assertArrayEquals(Arrays.copyOf(first.test().labels(), 50), Arrays.copyOf(loaded.test().labels(), 50));
    }

    @Test
    void csvScalingIsFittedOnTheTrainingPartOnly() throws IOException {
        int rows = 50;
        Set<Integer> heldOut = new HashSet<>();
        for (int i : sourceIndices(Holdout.split(Dataset.unlabeled("n", new float[rows], 1)).test())) {
            heldOut.add(i);
        }
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            // the held-out rows hold outliers: a scaling fitted on them would squash the training values to 0
            csv.append(heldOut.contains(i) ? 1e6 : i).append(',').append(heldOut.contains(i) ? -1e6 : -i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("outliers.csv"), csv);
        LoadedData data = catalog.load(request(file.toString()), Optional.empty());
        double min = IntStream.range(0, rows).filter(i -> !heldOut.contains(i)).min().orElseThrow();
        double max = IntStream.range(0, rows).filter(i -> !heldOut.contains(i)).max().orElseThrow();
        assertArrayEquals(new float[] {(float) min, (float) -max}, data.scaling().offsets());
        assertArrayEquals(new float[] {(float) (1 / (max - min)), (float) (1 / (max - min))}, data.scaling().scales());
        assertInUnitRange(data.train().data());
        for (int i = 0; i < data.test().size(); i++) {
            assertEquals(1f, data.test().data()[2 * i], "an outlier of the test part is clamped, not fitted");
            assertEquals(0f, data.test().data()[2 * i + 1]);
        }
    }

    @Test
    void aScalingSavedInARecipeIsReusedForNewData() throws IOException {
        Scaling fitted = Scaling.fitPerFeature(Dataset.unlabeled("t", new float[] {0, 100, 10, 300}, 2));
        DataRecipe recipe = new DataRecipe(request("digits"), fitted, null, null, Task.RECONSTRUCT, 2, 3);
        recipe.write(dir);
        Scaling saved = DataRecipe.read(dir).orElseThrow().scaling();
        assertArrayEquals(fitted.offsets(), saved.offsets());
        assertArrayEquals(fitted.scales(), saved.scales());
        Path file = Files.writeString(dir.resolve("new.csv"), "a,b\n5,200\n5,200\n5,200\n5,200\n5,200\n");
        LoadedData data = catalog.load(request(file.toString()), Optional.of(saved));
        assertArrayEquals(saved.scales(), data.scaling().scales(), "the saved scaling, not one fitted on the new data");
        assertEquals(0.5f, data.train().data()[0], 1e-6f, "a: (5 - 0) / 10");
        assertEquals(0.5f, data.train().data()[1], 1e-6f, "b: (200 - 100) / 200");
    }

    @Test
    void aCsvWithOtherColumnsThanTheSavedScalingIsRefused() throws IOException {
        Path table = Files.writeString(dir.resolve("t.csv"), "1,2\n3,4\n5,6\n7,8\n9,10\n");
        Scaling threeFeatures = Scaling.fitPerFeature(Dataset.unlabeled("x", new float[] {0, 1, 2, 3, 4, 5}, 3));
        var e = assertThrows(DataFormatException.class, () -> catalog.load(request(table.toString()), Optional.of(threeFeatures)));
        assertTrue(e.getMessage().startsWith(table.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("has 2 feature columns") && e.getMessage().contains("has 3"), e.getMessage());
        Path series = Files.writeString(dir.resolve("s.csv"), "1,2\n".repeat(30));
        assertThrows(DataFormatException.class, () -> catalog.load(new DataRequest(series.toString(), 3, null, null),
                Optional.of(threeFeatures)));
        assertEquals(5, catalog.load(request(table.toString()), Optional.of(Scaling.ofRange(0, 10))).train().size()
                + catalog.load(request(table.toString()), Optional.of(Scaling.ofRange(0, 10))).test().size(),
                "one range applies to any number of columns");
    }

    @Test
    void badSourcesFailNamingThem() throws IOException {
        Path missing = dir.resolve("nothing.csv");
        var e = assertThrows(DataNotFoundException.class, () -> catalog.load(request(missing.toString()), Optional.empty()));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        Path notIdx = Files.writeString(dir.resolve("notes.bin"), "not an idx file");
        assertThrows(DataException.class, () -> catalog.load(request(notIdx.toString()), Optional.empty()));
        var window = assertThrows(DataFormatException.class, () -> catalog.load(new DataRequest(notIdx.toString(), 4, null, null),
                Optional.empty()));
        assertTrue(window.getMessage().contains("not a .csv file"), window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.load(new DataRequest("digits", 4, null, null), Optional.empty()));
    }

    @Test
    void requestsHaveShortNames() {
        assertEquals("digits", request("digits").name());
        assertEquals("fashion-mnist", request("fashion-mnist").name());
        assertEquals("train-images", request("/data/train-images-idx3-ubyte.gz").name());
        assertEquals("sensor", request("runs/../sensor.csv.gz").name());
        var e = assertThrows(IllegalArgumentException.class, () -> new DataRequest("x.csv", null, 3, null));
        assertEquals("a stride needs a window (together they cut a time series into windows)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataRequest("x.csv", 0, null, null));
        assertEquals("the time series window must be at least 1 step, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataRequest(" ", null, null, null));
    }
}
