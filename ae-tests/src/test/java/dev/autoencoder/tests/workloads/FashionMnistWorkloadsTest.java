package dev.autoencoder.tests.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.mnist.IdxDatasetRepository;
import dev.autoencoder.data.mnist.IdxSplit;
import dev.autoencoder.data.transform.MinMaxScaler;
import dev.autoencoder.data.transform.Padding;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The three Fashion-MNIST workloads of WORKLOADS.md (W1-W3; W4 runs on a series), one epoch each on the 60,000
 * training images, on every backend: prints the epoch's wall time and the test loss (10,000 images), asserts that the test loss fell, and that
 * the backends' test losses agree within 0.5%.
 * Minutes long, so excluded from the default build; run with
 * {@code ./mvnw -B -pl ae-tests test -Dae.excluded.groups= -Dgroups=workload}, optionally choosing workloads with
 * {@code -Dae.workloads=conv-ae,conv-vae}.
 */
@Tag("workload")
class FashionMnistWorkloadsTest {
    private static final IdxDatasetRepository FASHION = IdxDatasetRepository.fashionMnist(null);

    private static TrainingData prepare(IdxSplit split, Presets preset) {
        Dataset scaled = MinMaxScaler.ofRange(0, 255).apply(FASHION.load(split));
        if (preset == Presets.MLP_AE) {
            return TrainingData.autoencoding(scaled.data(), 784);
        }
        return TrainingData.autoencoding(Padding.uniform(2).apply(scaled).data(), 1, 32, 32);
    }

    /** Test losses after one epoch agree between backends this closely (relative to their mean): same data, same draws. */
    private static final double AGREEMENT = 0.005;

    @TestFactory
    Stream<DynamicContainer> oneEpochOfEachWorkload() {
        Map<String, TensorBackend> backends = Backends.all(new BackendSettings(2));
        String chosen = System.getProperty("ae.workloads", "");
        return Stream.of(Presets.values()).filter(p -> p.spec().windowLayout().isEmpty())
                .filter(p -> chosen.isBlank() || List.of(chosen.split(",")).contains(p.id())).map(preset -> {
            Map<String, Double> losses = new LinkedHashMap<>();
            Stream<DynamicTest> epochs = backends.values().stream().map(b -> dynamicTest(b.name(), () -> {
                TrainingData train = prepare(IdxSplit.TRAIN, preset);
                TrainingData test = prepare(IdxSplit.TEST, preset);
                int[] all = IntStream.range(0, test.size()).toArray();
                Autoencoder model = Models.build(preset.spec(), new Init(b, DType.F32, new Rng(42)));
                Trainer trainer = new Trainer(b, new TrainConfig(1, 100, 42, 0, 0, 0, 0, DType.F32), List.of());
                double before = evaluate(trainer, model, test, all);
                long start = System.nanoTime();
                trainer.fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(1e-3), train, Progress.start());
                double seconds = (System.nanoTime() - start) / 1e9;
                double after = evaluate(trainer, model, test, all);
                String line = String.format("%-9s %-6s epoch %.1f s (%.0f samples/s), test loss %.5f -> %.5f%n", preset.id(), b.name(),
                        seconds, train.size() / seconds, before, after);
                System.out.print(line);
                record(line);
                assertTrue(after < before, "the test loss fell");
                losses.put(b.name(), after);
            }));
            DynamicTest agreement = dynamicTest("backends agree within 0.5%", () -> {
                assertEquals(backends.size(), losses.size(), "every backend trained");
                double mean = losses.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                losses.forEach((name, loss) -> assertTrue(Math.abs(loss - mean) <= AGREEMENT * mean,
                        name + "'s test loss " + loss + " against the mean " + mean + " of " + losses));
            });
            return dynamicContainer(preset.id(), Stream.concat(epochs, Stream.of(agreement)));
        });
    }

    private static double evaluate(Trainer trainer, Autoencoder model, TrainingData test, int[] all) {
        return trainer.evaluate(model, test, all, new Rng(7)).get("total");
    }

    private static void record(String line) throws IOException {
        Path out = Path.of("target", "workloads.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
