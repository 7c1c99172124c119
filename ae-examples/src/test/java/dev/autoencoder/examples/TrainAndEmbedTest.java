package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.write.ResultCsvReader;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.inference.Inference;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndEmbedTest {
    @Test
    void writesTheCodesOfTheSavedModelWhichGroupTheDigits(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(TrainAndEmbed::main, dir);
        assertTrue(printed.number("reconstruction mse ([0-9.]+)") < 0.05, "the model reconstructs the test digits");

        ResultCsvReader.Results results = new ResultCsvReader().readEmbeddings(dir.resolve("embeddings.csv"));
        Dataset test = Digits.load().test();
        assertEquals(List.of("z0", "z1", "z2", "z3"), results.valueColumns());
        assertArrayEquals(test.labels(), results.samples().labels());

        // the codes are those of the model the run saved
        PureBackend backend = new PureBackend(2);
        Autoencoder model = ModelCheckpoint.load(dir.resolve("run/model.safetensors"), backend, DType.F32).model();
        float[] codes = new Inference(backend, model, 256).encode(test.reshape(64));
        assertArrayEquals(codes, results.samples().data(), 1e-6f);

        // digits of a class lie together: the nearest other code mostly has the same label
        double accuracy = nearestNeighbourAccuracy(results.samples()); // about 0.25 after 1 epoch
        assertTrue(accuracy > 0.7, "nearest-neighbour accuracy of the codes " + accuracy);

        BufferedImage latent = Printed.png(dir.resolve("latent.png"));
        assertEquals(800, latent.getWidth());
        assertEquals(700, latent.getHeight());
    }

    /** The share of samples whose nearest other sample has their label. */
    private static double nearestNeighbourAccuracy(Dataset codes) {
        int n = codes.size();
        int d = codes.sampleSize();
        float[] z = codes.data();
        int right = 0;
        for (int i = 0; i < n; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double distance = 0;
                for (int k = 0; k < d; k++) {
                    distance += (z[i * d + k] - z[j * d + k]) * (z[i * d + k] - z[j * d + k]);
                }
                if (j != i && distance < best) {
                    best = distance;
                    nearest = j;
                }
            }
            right += codes.label(nearest) == codes.label(i) ? 1 : 0;
        }
        return right / (double) n;
    }
}
