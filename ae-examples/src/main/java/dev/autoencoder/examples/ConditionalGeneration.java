package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.stats.ClassMeans;
import dev.autoencoder.data.write.ImageGridWriter;
import dev.autoencoder.models.family.CvaeSpec;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Class-conditional generation: a conditional VAE reads each digit's label beside its pixels and beside its code, so its
 * decoder draws a digit of the class it is asked for. It draws 100 digits of each class and checks them without a
 * classifier: a draw agrees when the nearest of the training digits' ten class means is the mean of the class it was
 * drawn for (real test digits agree with their own class about as often). It writes the first ten draws of each
 * class, one row per class ({@code classes.png}), and the line between the codes of two test 3s decoded under class 3
 * ({@code interpolation.png}).
 */
public final class ConditionalGeneration {
    private ConditionalGeneration() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "conditional-generation");
        TensorBackend backend = new PureBackend(2);
        // [64 pixels, one-hot label] -> 64 -> 32 -> 4-d code; [code, one-hot label] -> 32 -> 64 -> 64 pixels
        CvaeSpec spec = new CvaeSpec(List.of(64), List.of(64, 32), 4, Activation.RELU, Likelihood.BERNOULLI, 1, 64, 0, 10);
        Digits.Trained trained = Digits.train(out.resolve("run"), spec, 60, null, backend);
        Inference inference = trained.inference();

        // 100 draws of each class: codes from the prior, decoded under the class's one-hot label
        int[] labels = IntStream.range(0, 1000).map(i -> i / 100).toArray();
        float[] draws = inference.sample(labels, 7);
        ClassMeans means = ClassMeans.of(Digits.forModel(trained.digits().train(), spec));
        Dataset test = trained.test();
        System.out.printf(Locale.ROOT, "nearest class mean of 1000 draws: the class drawn for in %.3f (chance 0.100; of the %d "
                + "test digits: their own class in %.3f)%n", means.agreement(draws, labels), test.size(),
                means.agreement(test.data(), test.labels()));
        int[] firstTen = IntStream.range(0, 100).map(i -> (i / 10) * 100 + i % 10).toArray();
        new ImageGridWriter().writeGrid(out.resolve("classes.png"), Digits.images("classes", select(draws, firstTen, 64)), 10,
                "cvae draws, one row per class 0 to 9");

        // within class 3: the line between the codes of two test 3s, decoded under class 3
        Dataset threes = Classes.only(test, 3);
        float[] line = inference.interpolate(threes.slice(0, 1), threes.slice(1, 2), 10);
        new ImageGridWriter().writeGrid(out.resolve("interpolation.png"), Digits.images("interpolation", line), 10,
                "from a 3 to another 3, decoded as 3s");
        System.out.println("wrote classes.png and interpolation.png into " + out);
    }

    /** The rows {@code rows} of row-major {@code values} of {@code per} values each. */
    private static float[] select(float[] values, int[] rows, int per) {
        float[] out = new float[rows.length * per];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * per, out, i * per, per);
        }
        return out;
    }
}
