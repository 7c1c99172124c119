package dev.autoencoder.cli.command;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.stats.ErrorMetrics;
import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Compressor;
import dev.autoencoder.models.codec.Precision;
import dev.autoencoder.models.family.ModelSpec;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae compress}: samples encoded into a compact file of codes. */
@Command(name = "compress", header = "Encode samples into a compact file of codes.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Encode samples into a file of codes (ae's own format: a header with the model's identity, the codes "
                + "in float16 or float32, a checksum), and report its size against the raw data and the error of decoding "
                + "it.", "Decode it with 'ae decompress'."})
public final class CompressCommand extends DataCommand {
    @Option(names = "--codes", paramLabel = "FILE", description = "The code file to write. Default: codes.aec in --out.")
    private Path codes;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float16",
            description = "How codes are stored: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private Precision precision;

    @Override
    protected void run() {
        Dataset samples = samples();
        ModelSpec spec = model().model().spec();
        Compressor compressor = new Compressor(inference());
        CodeFile file = compressor.compress(samples, precision, origin());
        Path target = codes != null ? codes : output("codes.aec");
        long bytes = file.write(target);
        double mse = ErrorMetrics.mse(compressor.decompress(file), samples.data());
        long values = (long) samples.size() * samples.sampleSize();
        stdout().printf(Locale.ROOT, "%d samples of %s (%s) encoded by %s into %d-value %s codes%n", samples.size(),
                spec.inputShape(), origin(), model().describe(), spec.latent(), precision);
        stdout().printf(Locale.ROOT, "  %s: %,d bytes (%.1f per sample)%n", target, bytes, (double) bytes / samples.size());
        stdout().printf(Locale.ROOT, "  size ratio %.1fx against float32 values (%,d bytes), %.1fx against 8-bit values (%,d bytes)%n",
                4.0 * values / bytes, 4 * values, (double) values / bytes, values);
        stdout().printf(Locale.ROOT, "  decoded vs original: mse %.6g  psnr %.2f dB%n", mse, ErrorMetrics.psnr(mse));
    }
}
