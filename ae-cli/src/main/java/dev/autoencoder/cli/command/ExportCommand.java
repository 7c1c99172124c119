package dev.autoencoder.cli.command;

import dev.autoencoder.onnx.OnnxExporter;
import dev.autoencoder.onnx.Part;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae export}: a model's inference graphs as ONNX files. */
@Command(name = "export", header = "Export a model's inference graphs to ONNX.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write encoder.onnx (a VAE's: mean and log-variance), decoder.onnx (with a Bernoulli model's sigmoid) and "
                + "reconstruction.onnx (the decoder of the code, a VAE's mean): opset 17, float32, any batch size, the spec, provenance "
                + "and data recipe in the metadata. Inputs are in the model's scaled units (README, \"Export (ONNX)\").",
            "Training graphs (losses, noise, sampling) are not exported."})
public final class ExportCommand extends ModelCommand {
    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "The file format: onnx.")
    private String format;

    @Option(names = "--part", paramLabel = "PART", defaultValue = Part.ALL,
            description = "encoder, decoder, reconstruction, or all. Default: ${DEFAULT-VALUE}.")
    private String part;

    @Option(names = "--force", description = "Replace existing files.")
    private boolean force;

    @Override
    protected void run() {
        if (!format.equals("onnx")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; known: onnx");
        }
        List<Part> parts = Part.named(part);
        List<Path> files = new OnnxExporter(model().model(), model().provenance(), model().recipe()).write(out(), parts, force);
        stdout().printf("%s exported to ONNX (opset %d)%n", model().describe(), OnnxExporter.OPSET);
        files.forEach(f -> stdout().println("  " + f));
    }
}
