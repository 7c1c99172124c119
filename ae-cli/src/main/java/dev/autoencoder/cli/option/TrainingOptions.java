package dev.autoencoder.cli.option;

import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.Schedule;
import dev.autoencoder.models.train.ConsoleProgress;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.models.train.TrainingDivergedException;
import dev.autoencoder.models.train.TrainingResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * How to train: epochs, batches, optimizer, learning rate and its schedule, weight decay, seed, validation, early
 * stopping, clipping, warm-ups.
 */
public final class TrainingOptions {
    /** The options a resumed run takes from the run itself, with the setting each one fixes. */
    private static final Map<String, Function<RunSettings, Object>> FIXED_ON_RESUME = fixedOnResume();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "Epochs in total (a resumed run counts the epochs it already ran). Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Samples per step. Default: ${DEFAULT-VALUE}.")
    private int batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "${COMPLETION-CANDIDATES} (PyTorch's defaults; adamw decays weights by 0.01, sgd has momentum 0.9). "
                    + "Default: ${DEFAULT-VALUE}.")
    private OptimizerKind optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    private double lr;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
            description = "constant, step:EVERY[:GAMMA] (multiply by GAMMA, default 0.1, every EVERY epochs) or cosine[:MIN_LR] "
                    + "(anneal to MIN_LR, default 0, over --epochs). Default: ${DEFAULT-VALUE}.")
    private String schedule;

    @Option(names = "--lr-warmup", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Raise the learning rate linearly over this many epochs first. Default: ${DEFAULT-VALUE}.")
    private int lrWarmup;

    @Option(names = "--weight-decay", paramLabel = "W",
            description = "Weight decay (L2 for adam and sgd, decoupled for adamw). Default: 0.01 for adamw, else 0.")
    private Double weightDecay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seeds the parameters, the validation split, the shuffles and all noise. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the training data held out for validation (best checkpoint, early stopping). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double validationSplit;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Stop after this many epochs without a better validation loss; 0 never stops early. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int patience;

    @Option(names = "--clip-norm", paramLabel = "NORM", defaultValue = "0",
            description = "Clip the global gradient norm to this; 0 does not clip. Default: ${DEFAULT-VALUE}.")
    private double clipNorm;

    @Option(names = "--kl-warmup", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Raise a VAE's KL weight linearly to 1 over this many epochs. Default: ${DEFAULT-VALUE}.")
    private int klWarmup;

    @Option(names = "--pretrain-epochs", paramLabel = "N", defaultValue = "3",
            description = "Epochs of each greedy layer-wise pretraining stage of stacked-ae; 0 skips pretraining. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int pretrainEpochs;

    private static Map<String, Function<RunSettings, Object>> fixedOnResume() {
        Map<String, Function<RunSettings, Object>> fixed = new LinkedHashMap<>();
        fixed.put("--batch-size", RunSettings::batchSize);
        fixed.put("--optimizer", RunSettings::optimizer);
        fixed.put("--lr", RunSettings::lr);
        fixed.put("--lr-schedule", RunSettings::schedule);
        fixed.put("--lr-warmup", RunSettings::schedule);
        fixed.put("--weight-decay", RunSettings::weightDecay);
        fixed.put("--seed", RunSettings::seed);
        fixed.put("--validation-split", RunSettings::validationSplit);
        fixed.put("--patience", RunSettings::patience);
        fixed.put("--clip-norm", RunSettings::clipNorm);
        fixed.put("--kl-warmup", RunSettings::klWarmup);
        fixed.put("--pretrain-epochs", RunSettings::pretrainEpochs);
        return fixed;
    }

    /** The settings these options give. */
    public RunSettings settings() {
        return new RunSettings(epochs, batchSize, optimizer, lr, schedule(), weightDecay, seed, validationSplit, patience, clipNorm,
                klWarmup, pretrainEpochs);
    }

    /**
     * The settings of a resumed run: the run's own, with these options' epochs. An option given on the command line
     * with another value than the run's is refused rather than ignored.
     */
    public RunSettings resumed(RunSettings run, ParseResult given) {
        RunSettings asked = settings();
        FIXED_ON_RESUME.forEach((option, setting) -> {
            if (given.hasMatchedOption(option) && !setting.apply(asked).equals(setting.apply(run))) {
                throw new IllegalArgumentException(option + " " + setting.apply(asked) + " differs from the run's "
                        + setting.apply(run) + "; --resume continues with the run's settings (only --epochs may change)");
            }
        });
        return run.withEpochs(epochs);
    }

    /** Runs {@code training} with its progress shown on {@code out}; a diverged run's message says which options to try. */
    public static TrainingResult train(PrintWriter out, Function<ProgressView, TrainingResult> training) {
        try {
            return training.apply(ConsoleProgress.view(out, System.console() != null));
        } catch (TrainingDivergedException e) {
            throw new TrainingDivergedException(e.getMessage() + " (try a lower --lr or --clip-norm)");
        }
    }

    /** The --lr-schedule and --lr-warmup values as a schedule (a cosine one anneals over --epochs). */
    private Schedule schedule() {
        return Schedule.parse(schedule, epochs).withWarmup(lrWarmup);
    }
}
