package dev.autoencoder.cli.option;

import dev.autoencoder.cli.train.OptimizerKind;
import dev.autoencoder.cli.train.TrainSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** How to train: epochs, batches, optimizer, learning rate, seed, validation, early stopping, clipping, warm-up. */
public final class TrainingOptions {
    /** The options a resumed run takes from the run itself, with the setting each one fixes. */
    private static final Map<String, Function<TrainSettings, Object>> FIXED_ON_RESUME = fixedOnResume();

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

    private static Map<String, Function<TrainSettings, Object>> fixedOnResume() {
        Map<String, Function<TrainSettings, Object>> fixed = new LinkedHashMap<>();
        fixed.put("--batch-size", TrainSettings::batchSize);
        fixed.put("--optimizer", TrainSettings::optimizer);
        fixed.put("--lr", TrainSettings::lr);
        fixed.put("--seed", TrainSettings::seed);
        fixed.put("--validation-split", TrainSettings::validationSplit);
        fixed.put("--patience", TrainSettings::patience);
        fixed.put("--clip-norm", TrainSettings::clipNorm);
        fixed.put("--kl-warmup", TrainSettings::klWarmup);
        fixed.put("--pretrain-epochs", TrainSettings::pretrainEpochs);
        return fixed;
    }

    /** The settings these options give. */
    public TrainSettings settings() {
        return new TrainSettings(epochs, batchSize, optimizer, lr, seed, validationSplit, patience, clipNorm, klWarmup,
                pretrainEpochs);
    }

    /**
     * The settings of a resumed run: the run's own, with these options' epochs. An option given on the command line
     * with another value than the run's is refused rather than ignored.
     */
    public TrainSettings resumed(TrainSettings run, ParseResult given) {
        TrainSettings asked = settings();
        FIXED_ON_RESUME.forEach((option, setting) -> {
            if (given.hasMatchedOption(option) && !setting.apply(asked).equals(setting.apply(run))) {
                throw new IllegalArgumentException(option + " " + setting.apply(asked) + " differs from the run's "
                        + setting.apply(run) + "; --resume continues with the run's settings (only --epochs may change)");
            }
        });
        return run.withEpochs(epochs);
    }
}
