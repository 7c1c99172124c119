package dev.autoencoder.cli.command;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.plot.LatentScatterPlot;
import dev.autoencoder.data.write.ResultCsvWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code ae embed}: codes to CSV and a 2-D scatter of the latent space coloured by label. */
@Command(name = "embed", header = "Codes to CSV, and a scatter plot of the latent space.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the code of every sample (a VAE's posterior mean) to embeddings.csv (id, label, z0, z1, ...) "
                + "and draw the latent space as latent.png, coloured by label (projected onto its first two principal "
                + "axes when the code has more than two dimensions)."})
public final class EmbedCommand extends DataCommand {
    @Override
    protected void run() {
        Dataset samples = samples();
        int latent = model().model().spec().latent();
        float[] codes = inference().encode(samples);
        Path csv = new ResultCsvWriter().writeEmbeddings(output("embeddings.csv"), samples, codes, latent);
        Path png = new LatentScatterPlot().writeCodes(output("latent.png"), samples.name() + " ("
                + model().model().spec().family().id() + ")", codes, latent, samples);
        stdout().printf(Locale.ROOT, "%d codes of %d dimensions from %s%n  %s%n  %s%n", samples.size(), latent, model().describe(),
                csv, png);
    }
}
