package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.DataOptions;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.SeriesData;
import dev.autoencoder.data.catalog.Split;
import dev.autoencoder.models.family.ModelSpec;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Base of the commands that run a model on data: adds the data options, and gives the data scaled as the model's
 * training data was and shaped for the model.
 */
abstract class DataCommand extends ModelCommand {
    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--split", paramLabel = "PART", defaultValue = "test",
            description = "The part of the data to use: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private Split split;

    private LoadedData loaded;
    private Dataset raw;
    private Dataset samples;
    private Dataset train;

    /** The data as loaded and scaled (scaled as the model's training data was, when its recipe is known). */
    protected final LoadedData loaded() {
        if (loaded == null) {
            Optional<DataRecipe> recipe = model().recipe();
            loaded = new DataCatalog().load(request(), recipe.map(DataRecipe::scaling));
        }
        return loaded;
    }

    /** The {@code --split} part of the data as loaded (images as images, whatever the model's input shape). */
    protected final Dataset rawSamples() {
        if (raw == null) {
            raw = split.of(loaded().train(), loaded().test());
        }
        return raw;
    }

    /** The {@code --split} part of the data, in the model's input shape. */
    protected final Dataset samples() {
        if (samples == null) {
            samples = fitted(rawSamples());
        }
        return samples;
    }

    /** The training part of the data, in the model's input shape. */
    protected final Dataset trainSamples() {
        if (train == null) {
            train = fitted(loaded().train());
        }
        return train;
    }

    /** Where the samples come from, e.g. {@code digits test}. */
    protected final String origin() {
        return loaded().name() + " " + split;
    }

    /** {@code data} (loaded, or degraded after loading) in the model's input shape (windows in its layout). */
    protected final Dataset fitted(Dataset data) {
        ModelSpec spec = model().model().spec();
        return InputShapes.fit(data, spec.inputShape(), spec.windowLayout(), "the " + model().describe());
    }

    /** Whether the data is a CSV time series cut into windows. */
    protected final boolean series() {
        return request().series();
    }

    /** The data as a time series, its steps scaled as the model's (for data that {@link #series()} is). */
    protected final SeriesData seriesData() {
        return new DataCatalog().loadSeries(request(), model().recipe().map(DataRecipe::scaling));
    }

    /** The {@code --split} part. */
    protected final Split split() {
        return split;
    }

    private DataRequest request() {
        return dataOptions.request(model().recipe());
    }

    @Override
    protected Optional<int[]> imageShape() {
        return loaded().images() ? Optional.of(loaded().train().sampleShape()) : super.imageShape();
    }
}
