package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.write.ImageGridWriter;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Generation and interpolation: a variational autoencoder with a 2-d latent space draws new digits from its prior
 * ({@code samples.png}), decodes the straight line between the codes of a test 0 and a test 1
 * ({@code interpolation.png}), whose ends are the model's reconstructions of the two digits, and decodes a grid over
 * its latent space ({@code traversal.png}).
 */
public final class GenerateAndInterpolate {
    private GenerateAndInterpolate() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "generate-and-interpolate");
        TensorBackend backend = new PureBackend(2);
        // 64 -> 32 -> 8 -> 2-d code (mean and log-variance heads) and back; Bernoulli decoder, beta 1, the usual ELBO
        ModelSpec spec = new VaeSpec(List.of(64), List.of(32, 8), 2, Activation.RELU, Likelihood.BERNOULLI, 1, 64, 0);
        Digits.Trained trained = Digits.train(out.resolve("run"), spec, 40, null, backend);
        Inference inference = trained.inference();
        ImageGridWriter grids = new ImageGridWriter();

        // 32 draws z ~ N(0, I), decoded
        float[] samples = inference.sample(32, 7);
        grids.writeGrid(out.resolve("samples.png"), Digits.images("samples", samples), 8, "32 draws from the prior");
        Dataset test = trained.test();
        System.out.printf(Locale.ROOT, "mean pixel: %.4f of 32 draws, %.4f of the test digits%n", mean(samples), mean(test.data()));

        // 10 points on the line from the code (posterior mean) of the first 0 to that of the first 1, decoded
        DatasetView zero = test.select(new int[] {first(test, 0)});
        DatasetView one = test.select(new int[] {first(test, 1)});
        int steps = 10;
        float[] line = inference.interpolate(zero, one, steps);
        grids.writeGrid(out.resolve("interpolation.png"), Digits.images("interpolation", line), steps, "from a 0 to a 1");
        // the 2-d latent space: an 8 x 8 grid of codes over [-2, 2]^2, decoded
        grids.writeGrid(out.resolve("traversal.png"), Digits.images("traversal", inference.traversal(8, 2)), 8, "z0 and z1 in [-2, 2]");

        int size = spec.inputSize();
        float[] ends = inference.reconstruct(test.select(new int[] {first(test, 0), first(test, 1)}));
        double difference = IntStream.range(0, size).mapToDouble(i -> Math.max(Math.abs(line[i] - ends[i]),
                Math.abs(line[(steps - 1) * size + i] - ends[size + i]))).max().orElseThrow();
        System.out.println("the line's ends vs the reconstructions of the two digits: largest difference " + difference);
        System.out.println("wrote samples.png, interpolation.png and traversal.png into " + out);
    }

    private static int first(Dataset data, int label) {
        return IntStream.range(0, data.size()).filter(i -> data.label(i) == label).findFirst().orElseThrow();
    }

    private static double mean(float[] values) {
        return IntStream.range(0, values.length).mapToDouble(i -> values[i]).average().orElseThrow();
    }
}
