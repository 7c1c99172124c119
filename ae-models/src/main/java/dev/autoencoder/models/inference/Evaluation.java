package dev.autoencoder.models.inference;

import dev.autoencoder.data.Samples;
import dev.autoencoder.data.stats.ErrorMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A model's figures on test data, one line each as {@code ae evaluate} prints them. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Every term of the model's objective, the reconstruction MSE and PSNR of {@code inputs} against {@code targets},
     * and for a generative model the importance-sampled negative log-likelihood of {@code targets} (mean over samples,
     * also in bits per dimension).
     *
     * @param importanceSamples posterior samples per input of the likelihood estimate
     * @param seed              seeds the loss terms' noise and the likelihood's samples
     */
    public static List<String> lines(Inference inference, Samples inputs, Samples targets, int importanceSamples, long seed) {
        List<String> lines = new ArrayList<>();
        inference.losses(inputs, targets, seed).forEach((term, value) -> lines.add(row(term, value, "")));
        double mse = ErrorMetrics.mse(inference.reconstruct(inputs), targets.features());
        lines.add(row("mse", mse, ""));
        lines.add(row("psnr", ErrorMetrics.psnr(mse), " dB"));
        if (inference.model().generative().isPresent()) {
            double mean = 0;
            for (float v : inference.negativeLogLikelihood(targets, importanceSamples, seed)) {
                mean += v / (double) targets.size();
            }
            lines.add(row("nll (k=" + importanceSamples + ")", mean, String.format(Locale.ROOT, " nats (%.4g bits per dimension)",
                    mean / Math.log(2) / targets.sampleSize())));
        }
        return lines;
    }

    private static String row(String name, double value, String unit) {
        return String.format(Locale.ROOT, "  %-16s %.6g%s", name, value, unit);
    }
}
