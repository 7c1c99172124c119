package dev.autoencoder.cli.command;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.Degradation;
import dev.autoencoder.models.inference.Evaluation;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae evaluate}: every loss term, MSE and PSNR on the test part, and a VAE's importance-sampled NLL. */
@Command(name = "evaluate", header = "Test losses, MSE and PSNR, and a VAE's negative log-likelihood.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report a model's test losses (every term of its objective), its reconstruction MSE and PSNR, and "
                + "for a VAE the importance-sampled negative log-likelihood.",
            "A model trained to super-resolve or inpaint is evaluated on inputs degraded the same way."})
public final class EvaluateCommand extends DataCommand {
    @Option(names = "--importance-samples", paramLabel = "K", defaultValue = "50",
            description = "Posterior samples per input of a VAE's NLL estimate (a tighter bound as K grows). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int importanceSamples;

    @Override
    protected void run() {
        if (importanceSamples < 1) {
            throw new IllegalArgumentException("--importance-samples must be at least 1, got " + importanceSamples);
        }
        Dataset clean = samples();
        Optional<Degradation> degradation = model().recipe().flatMap(DataRecipe::degradation);
        Dataset inputs = degradation.map(d -> fitted(d.apply(rawSamples(), new Rng(seed())))).orElse(clean);
        stdout().printf(Locale.ROOT, "%s on %s, %d samples%s%n", model().describe(), clean.name(), clean.size(),
                degradation.map(d -> ", inputs with " + d.describe()).orElse(""));
        Evaluation.lines(inference(), inputs, clean, importanceSamples, seed()).forEach(stdout()::println);
    }
}
