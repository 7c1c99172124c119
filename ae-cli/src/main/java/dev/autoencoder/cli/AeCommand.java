package dev.autoencoder.cli;

import dev.autoencoder.cli.command.AnomalyCommand;
import dev.autoencoder.cli.command.BackendsCommand;
import dev.autoencoder.cli.command.BenchCommand;
import dev.autoencoder.cli.command.CompressCommand;
import dev.autoencoder.cli.command.DecompressCommand;
import dev.autoencoder.cli.command.DenoiseCommand;
import dev.autoencoder.cli.command.EmbedCommand;
import dev.autoencoder.cli.command.EvaluateCommand;
import dev.autoencoder.cli.command.ExportCommand;
import dev.autoencoder.cli.command.GenerateCommand;
import dev.autoencoder.cli.command.InpaintCommand;
import dev.autoencoder.cli.command.InterpolateCommand;
import dev.autoencoder.cli.command.MakeSeriesCommand;
import dev.autoencoder.cli.command.PlotCommand;
import dev.autoencoder.cli.command.ReconstructCommand;
import dev.autoencoder.cli.command.SuperResolveCommand;
import dev.autoencoder.cli.command.TrainCommand;
import dev.autoencoder.cli.spark.SparkCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ae}: the root command, which only lists its subcommands. A new job is one more
 * class in {@code dev.autoencoder.cli.command} and one more entry here.
 */
@Command(name = "ae", mixinStandardHelpOptions = true, versionProvider = AeVersion.class,
        description = "Autoencoders for the JVM: train them, and use them to embed, reconstruct, denoise, super-resolve, "
                + "inpaint, detect anomalies, generate, interpolate and compress, export them to ONNX, and draw what they wrote.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            EmbedCommand.class,
            ReconstructCommand.class,
            DenoiseCommand.class,
            SuperResolveCommand.class,
            InpaintCommand.class,
            AnomalyCommand.class,
            GenerateCommand.class,
            InterpolateCommand.class,
            CompressCommand.class,
            DecompressCommand.class,
            ExportCommand.class,
            PlotCommand.class,
            MakeSeriesCommand.class,
            BenchCommand.class,
            BackendsCommand.class,
            CommandLine.HelpCommand.class,
            SparkCommand.class
        },
        footer = {"", "Run 'ae COMMAND --help' for the options of a command. Exit codes: 0 success, 2 bad usage or input, "
                + "1 internal error."})
final class AeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and the exit code of bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorHandler.BAD_INPUT;
    }
}
