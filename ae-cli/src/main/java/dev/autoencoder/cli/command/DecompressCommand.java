package dev.autoencoder.cli.command;

import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.stats.ErrorMetrics;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Compressor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae decompress}: a code file decoded back into samples. */
@Command(name = "decompress", header = "Decode a file of codes.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decode a file written by 'ae compress' with the model that wrote it: decompressed.csv (id, label, x0, "
                + "x1, ...), decompressed.png for images, and the error against the original samples when the data they came "
                + "from is at hand (the model's training data by default, or --data and --split)."})
public final class DecompressCommand extends DataCommand {
    private static final int GRID_COLUMNS = 8;

    @Option(names = "--codes", paramLabel = "FILE", description = "The code file to read. Default: codes.aec in the checkpoint's folder.")
    private Path codes;

    @Option(names = "--count", paramLabel = "N", defaultValue = "16", description = "Samples drawn in the PNG. Default: ${DEFAULT-VALUE}.")
    private int count;

    @Override
    protected void run() {
        Path source = codes != null ? codes : model().file().toAbsolutePath().resolveSibling("codes.aec");
        Compressor compressor = new Compressor(inference());
        CodeFile file = compressor.read(source);
        float[] decoded = compressor.decompress(file);
        Path csv = new ResultCsvWriter().write(output("decompressed.csv"), file.ids(), file.labels(), List.of(),
                ResultCsvWriter.columns("x", model().model().spec().inputSize()), decoded);
        stdout().printf(Locale.ROOT, "%d codes of %s decoded by %s%n  %s%n", file.size(), file.origin(), model().describe(), csv);
        Optional<Dataset> originals = file.originals(origin(), this::samples);
        originals.ifPresentOrElse(o -> {
            double mse = ErrorMetrics.mse(decoded, o.data());
            stdout().printf(Locale.ROOT, "  decoded vs original: mse %.6g  psnr %.2f dB%n", mse, ErrorMetrics.psnr(mse));
        }, () -> stdout().printf("  (originals not compared: the codes are of %s, the data at hand is %s)%n", file.origin(), origin()));
        Optional<Pictures> pictures = pictures();
        if (pictures.isPresent()) {
            stdout().println("  " + draw(pictures.get(), file, decoded, originals));
        }
    }

    private Path draw(Pictures pictures, CodeFile file, float[] decoded, Optional<Dataset> originals) {
        int n = Math.min(count, file.size());
        Dataset shown = pictures.images("decompressed", decoded, n, null);
        String title = "decompressed " + file.origin();
        if (originals.isEmpty()) {
            return pictures.grid(output("decompressed.png"), title, shown, GRID_COLUMNS);
        }
        Dataset original = pictures.images("original", originals.get().data(), n, originals.get());
        return pictures.comparison(output("decompressed.png"), title, List.of("original", "decompressed"), List.of(original, shown));
    }
}
