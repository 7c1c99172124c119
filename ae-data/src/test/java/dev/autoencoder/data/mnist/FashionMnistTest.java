package dev.autoencoder.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Previews;
import dev.autoencoder.data.TestImages;
import dev.autoencoder.data.io.Downloader;
import dev.autoencoder.data.write.GridStyle;
import dev.autoencoder.data.write.ImageGridWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST files as Debian's {@code dataset-fashion-mnist} package installs them. CI
 * installs the package; elsewhere these tests are skipped with the reason shown in the report.
 */
class FashionMnistTest {
    private static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    @BeforeAll
    static void requireThePackage() {
        assumeTrue(Files.isRegularFile(DEBIAN_FOLDER.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DEBIAN_FOLDER
                        + ": run 'apt-get update && apt-get install -y dataset-fashion-mnist' to run these tests");
    }

    @Test
    void loadsTheTrainingSplitFromTheDebianFolder() {
        Dataset train = new IdxDatasetRepository(IdxDatasetSpec.FASHION_MNIST,
                new DatasetLocator(IdxDatasetSpec.FASHION_MNIST, null, name -> null), new Downloader()).load(IdxSplit.TRAIN);
        assertEquals(60_000, train.size());
        assertArrayEquals(new int[] {1, 28, 28}, train.sampleShape());
        int[] perClass = new int[10];
        for (int label : train.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, perClass);
        double sum = 0;
        float max = 0;
        for (float v : train.data()) {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(255f, max);
        assertEquals(0.2860, sum / train.data().length / 255, 0.001, "the published mean pixel of Fashion-MNIST");
        assertEquals("Ankle boot", train.labelName(train.label(0)), "the first training image is an ankle boot");
    }

    @Test
    void loadsTheTestSplitAndDrawsIt() throws IOException {
        Dataset test = IdxDatasetRepository.fashionMnist(null).load(IdxSplit.TEST);
        assertEquals(10_000, test.size());
        assertEquals("fashion-mnist-test", test.name());
        Path png = Previews.file("fashion-mnist-test.png");
        new ImageGridWriter(GridStyle.defaults().withValueRange(0, 255)).writeGrid(png, test.slice(0, 20), 10,
                "Fashion-MNIST test, first 20");
        BufferedImage image = TestImages.read(png);
        assertTrue(image.getWidth() > 10 * 28 && image.getHeight() > 2 * 28);
    }
}
