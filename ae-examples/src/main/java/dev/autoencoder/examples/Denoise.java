package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Degradation;
import dev.autoencoder.data.stats.ErrorMetrics;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.data.write.ImageGridWriter;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Denoising: a denoising autoencoder learns to restore digits with 30% of their pixels masked (set to 0, drawn anew
 * at every step); then the same noise is added to the test digits and removed. Prints the error of the noisy and of
 * the denoised digits against the clean ones, and draws {@code denoised.png} (noisy | denoised | original).
 */
public final class Denoise {
    private Denoise() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "denoise");
        TensorBackend backend = new PureBackend(2);
        ModelSpec spec = Digits.spec(Family.DENOISING_AE); // masking noise 0.3 by default
        Digits.Trained trained = Digits.train(out.resolve("run"), spec, 30, null, backend);

        // the test digits, and a noisy copy of them drawn once from seed 7
        Degradation noise = new Degradation.AddedNoise(new Noise(Noise.Kind.MASKING, 0.3));
        Dataset clean = trained.test();
        Dataset noisy = noise.apply(clean, new Rng(7));
        float[] denoised = trained.inference().reconstruct(noisy);

        double noisyMse = ErrorMetrics.mse(noisy.data(), clean.data());
        double denoisedMse = ErrorMetrics.mse(denoised, clean.data());
        System.out.printf(Locale.ROOT, "%d test digits with %s%n", clean.size(), noise.describe());
        System.out.printf(Locale.ROOT, "noisy    vs clean: mse %.5f, psnr %.2f dB%n", noisyMse, ErrorMetrics.psnr(noisyMse));
        System.out.printf(Locale.ROOT, "denoised vs clean: mse %.5f, psnr %.2f dB%n", denoisedMse, ErrorMetrics.psnr(denoisedMse));

        int rows = 8;
        List<Dataset> columns = List.of(Digits.images(noisy), Digits.images(clean, denoised), Digits.images(clean));
        Path png = new ImageGridWriter().writeComparison(out.resolve("denoised.png"), noise.describe() + " removed",
                List.of("noisy", "denoised", "original"), columns.stream().map(c -> c.slice(0, rows)).toList());
        System.out.println("wrote " + png);
    }
}
