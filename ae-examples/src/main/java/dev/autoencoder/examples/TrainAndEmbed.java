package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.data.plot.LatentScatterPlot;
import dev.autoencoder.data.stats.ErrorMetrics;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunData;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Dimensionality reduction: trains a plain autoencoder on the bundled digits, then writes the codes of the test
 * digits as CSV ({@code embeddings.csv}: id, label, z0..z3) and draws them ({@code latent.png}).
 */
public final class TrainAndEmbed {
    private TrainAndEmbed() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "train-and-embed");
        // the backend found on the classpath (ae-backend-pure here), or the one -Dae.backend or AE_BACKEND names
        TensorBackend backend = Backends.select(null, new BackendSettings(2));

        // the data, how it was made (saved with the run), the model and how it trains
        DataRequest request = new DataRequest(DataRequest.DIGITS, null, null, null);
        LoadedData digits = new DataCatalog().load(request, Optional.empty());
        DataRecipe recipe = new DataRecipe(request, digits.scaling(), digits.train().sampleShape(), null, Task.RECONSTRUCT, 2, 3);
        ModelSpec spec = ModelSpec.defaults(Family.AE, InputShapes.flat(digits.train().sampleShape()));
        RunSettings settings = new RunSettings(40, 32, OptimizerKind.ADAM, 3e-3, null, null, 42, 0.1, 0, 0, 0, 0);

        // a run owns its folder: model.safetensors, best.safetensors, metrics.csv, data.json
        RunData data = RunData.of(digits, recipe, spec, settings.seed(), "the ae model");
        TrainingRun run = TrainingRun.start(out.resolve("run"), spec, settings, recipe, data, backend, true);
        run.train(data, Digits.epochLines());

        // embed the test digits, which the model never saw
        Inference inference = new Inference(backend, run.model(), 256);
        Dataset test = InputShapes.fit(digits.test(), spec.inputShape(), "the ae model");
        float[] codes = inference.encode(test);
        double mse = ErrorMetrics.mse(inference.reconstruct(test), test.data());
        new ResultCsvWriter().writeEmbeddings(out.resolve("embeddings.csv"), test, codes, spec.latent());
        new LatentScatterPlot().writeCodes(out.resolve("latent.png"), "the digits' test part", codes, spec.latent(), test);

        System.out.printf(Locale.ROOT, "%s backend, %d parameters, %d training digits%n", backend.name(),
                run.model().parameterCount(), data.size());
        System.out.printf(Locale.ROOT, "%d test digits -> %d-d codes; reconstruction mse %.5f%n", test.size(), spec.latent(), mse);
        System.out.println("wrote " + out.resolve("embeddings.csv") + " and " + out.resolve("latent.png"));
    }
}
