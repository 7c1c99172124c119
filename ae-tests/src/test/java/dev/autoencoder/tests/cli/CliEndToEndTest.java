package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.chart;
import static dev.autoencoder.tests.cli.Cli.csv;
import static dev.autoencoder.tests.cli.Cli.image;
import static dev.autoencoder.tests.cli.Cli.on;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.models.family.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every subcommand of the real {@code ae} command line, run in-process on the bundled digits with tiny epochs, on
 * every backend found. Checks exit codes, the files written (PNGs decode at the expected size, CSVs parse) and
 * that {@code train --resume} continues a run. The steps of one backend run in order: later ones use earlier runs.
 */
class CliEndToEndTest {
    /** Test samples of the digits: 20% of 1,797 held out. */
    private static final int TEST_SAMPLES = 359;
    /** Display pixels of an 8x8 digit in a grid (zoomed to about 64). */
    private static final int CELL = 64;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicContainer> everyCommandOnEveryBackend() {
        return Backends.all(new BackendSettings(1)).keySet().stream().map(b -> dynamicContainer(b, steps(b, dir.resolve(b))));
    }

    private static Stream<DynamicTest> steps(String b, Path root) {
        Path ae = root.resolve("ae");
        Path vae = root.resolve("vae");
        String aeRun = ae.toString();
        return Stream.of(
                dynamicTest("train writes a run folder", () -> {
                    String out = on(b, "train", "--model", "ae", "--epochs", "2", "--out", aeRun).ok().out();
                    assertTrue(out.contains("epoch 2/2"), out);
                    for (String file : List.of("model.safetensors", "best.safetensors", "model.train-state.safetensors", "data.json")) {
                        assertTrue(Files.isRegularFile(ae.resolve(file)), file);
                    }
                    assertEquals(3, csv(ae.resolve("metrics.csv")).size());
                    assertEquals("epoch", csv(ae.resolve("metrics.csv")).get(0)[0]);
                    chart(ae.resolve("loss.png"), 800, 496);
                    image(ae.resolve("reconstructions.png"), 2 * CELL, 8 * CELL);
                }),
                dynamicTest("train --resume continues the run", () -> {
                    String out = on(b, "train", "--resume", "--epochs", "3", "--out", aeRun).ok().out();
                    assertTrue(out.contains("resuming ae") && out.contains("epoch 3/3") && !out.contains("epoch 2/3"), out);
                    List<String[]> rows = csv(ae.resolve("metrics.csv"));
                    assertEquals(4, rows.size());
                    assertEquals("3", rows.get(3)[0]);
                    on(b, "train", "--resume", "--epochs", "4", "--lr", "0.5", "--out", aeRun).badInput("--lr 0.5 differs from the run's 0.001");
                    on(b, "train", "--resume", "--epochs", "3", "--out", aeRun).badInput("has already run 3 epochs");
                    on(b, "train", "--resume", "--model", "vae", "--epochs", "4", "--out", aeRun).badInput("continues the same model");
                }),
                dynamicTest("evaluate", () -> {
                    String out = on(b, "evaluate", "--checkpoint", aeRun).ok().out();
                    assertTrue(out.contains("reconstruction") && out.contains("mse") && out.contains("psnr"), out);
                    assertTrue(out.contains(TEST_SAMPLES + " samples"), out);
                }),
                dynamicTest("embed", () -> {
                    on(b, "embed", "--checkpoint", aeRun).ok();
                    List<String[]> rows = csv(ae.resolve("embeddings.csv"));
                    assertEquals(1 + TEST_SAMPLES, rows.size());
                    assertEquals(List.of("id", "label", "z0", "z1", "z2", "z3"), Arrays.asList(rows.get(0)));
                    Float.parseFloat(rows.get(1)[2]);
                    chart(ae.resolve("latent.png"), 800, 700);
                }),
                dynamicTest("reconstruct, denoise, super-resolve, inpaint", () -> {
                    restores(b, ae, "reconstruct", "reconstructed.png", 2);
                    restores(b, ae, "denoise", "denoised.png", 3);
                    restores(b, ae, "super-resolve", "super-resolved.png", 4);
                    restores(b, ae, "inpaint", "inpainted.png", 3);
                }),
                dynamicTest("anomaly", () -> {
                    String out = on(b, "anomaly", "--checkpoint", aeRun, "--threshold-sigma", "2").ok().out();
                    assertTrue(out.contains("threshold") && out.contains("flagged"), out);
                    List<String[]> scores = csv(ae.resolve("scores.csv"));
                    assertEquals(List.of("id", "label", "score"), Arrays.asList(scores.get(0)));
                    assertEquals(1 + TEST_SAMPLES, scores.size());
                    assertTrue(csv(ae.resolve("anomalies.csv")).size() < scores.size());
                    chart(ae.resolve("scores.png"), 800, 500);
                }),
                dynamicTest("interpolate", () -> {
                    on(b, "interpolate", "--checkpoint", aeRun, "--from", "3", "--to", "7", "--steps", "6").ok();
                    image(ae.resolve("interpolation.png"), 6 * CELL, 2 * CELL);
                }),
                dynamicTest("compress and decompress", () -> {
                    String out = on(b, "compress", "--checkpoint", aeRun).ok().out();
                    assertTrue(out.contains("size ratio") && out.contains("psnr"), out);
                    assertTrue(Files.size(ae.resolve("codes.aec")) < TEST_SAMPLES * 64);
                    out = on(b, "decompress", "--checkpoint", aeRun).ok().out();
                    assertTrue(out.contains("decoded vs original"), out);
                    assertEquals(1 + TEST_SAMPLES, csv(ae.resolve("decompressed.csv")).size());
                    image(ae.resolve("decompressed.png"), 2 * CELL, 16 * CELL);
                }),
                dynamicTest("a VAE trains, generates, is evaluated with its NLL and scores anomalies", () -> {
                    on(b, "train", "--model", "vae", "--latent", "2", "--epochs", "2", "--out", vae.toString()).ok();
                    image(vae.resolve("samples.png"), 8 * CELL, 8 * CELL);
                    image(vae.resolve("traversal.png"), 12 * CELL, 12 * CELL);
                    on(b, "generate", "--checkpoint", vae.toString(), "--count", "16", "--out", vae.resolve("gen").toString()).ok();
                    image(vae.resolve("gen").resolve("generated.png"), 8 * CELL, 2 * CELL);
                    image(vae.resolve("gen").resolve("traversal.png"), 12 * CELL, 12 * CELL);
                    String out = on(b, "evaluate", "--checkpoint", vae.toString(), "--importance-samples", "4").ok().out();
                    assertTrue(out.contains("kl") && out.contains("nll (k=4)"), out);
                    out = on(b, "anomaly", "--checkpoint", vae.toString(), "--score-samples", "2").ok().out();
                    assertTrue(out.contains("negative reconstruction log-probability"), out);
                }),
                dynamicTest("models trained to super-resolve and to inpaint", () -> {
                    Path sr = root.resolve("sr");
                    on(b, "train", "--model", "conv-ae", "--task", "super-resolve", "--epochs", "1", "--out", sr.toString()).ok();
                    String out = on(b, "super-resolve", "--checkpoint", sr.toString()).ok().out();
                    assertTrue(out.contains("2x lower resolution"), out);
                    Path inpaint = root.resolve("inpaint");
                    on(b, "train", "--task", "inpaint", "--epochs", "1", "--out", inpaint.toString()).ok();
                    out = on(b, "inpaint", "--checkpoint", inpaint.toString()).ok().out();
                    assertTrue(out.contains("3x3 missing patch"), out);
                    image(inpaint.resolve("reconstructions.png"), 3 * CELL, 8 * CELL);
                }),
                dynamicTest("one-class anomaly detection reports the AUROC", () -> {
                    Path oneClass = root.resolve("one-class");
                    String out = on(b, "train", "--normal-class", "0", "--epochs", "2", "--out", oneClass.toString()).ok().out();
                    assertTrue(out.contains("class 0 only"), out);
                    out = on(b, "anomaly", "--checkpoint", oneClass.toString()).ok().out();
                    assertTrue(out.contains("AUROC"), out);
                }),
                dynamicTest("every family trains (the sequence families refuse the digits clearly)", () -> {
                    for (Family family : Family.values()) {
                        Cli.Result run = on(b, "train", "--model", family.id(), "--epochs", "1", "--pretrain-epochs", "1",
                                "--out", root.resolve("family-" + family.id()).toString());
                        if (family.sequential()) {
                            // the digits are no series: one clear line, no trace
                            run.badInput(family.id() + " needs windows of a series (a CSV file read with --window), but the samples "
                                    + "have shape [1, 8, 8]");
                            continue;
                        }
                        String out = run.ok().out();
                        assertTrue(out.contains("training " + family.id()), out);
                        assertTrue(family != Family.STACKED_AE || out.contains("pretraining layer 1/"), out);
                    }
                }));
    }

    private static void restores(String b, Path run, String command, String png, int columns) throws Exception {
        String out = on(b, command, "--checkpoint", run.toString()).ok().out();
        assertTrue(out.contains("psnr"), out);
        image(run.resolve(png), columns * CELL, 8 * CELL);
    }

    /** The run folders of one backend are independent of another's: the same seed gives the same codes. */
    @TestFactory
    Stream<DynamicTest> trainingIsReproducible() {
        return Backends.all(new BackendSettings(1)).keySet().stream().map(b -> dynamicTest(b, () -> {
            Path first = dir.resolve("repro-" + b + "-1");
            Path second = dir.resolve("repro-" + b + "-2");
            on(b, "train", "--epochs", "1", "--seed", "7", "--out", first.toString()).ok();
            on(b, "train", "--epochs", "1", "--seed", "7", "--out", second.toString()).ok();
            on(b, "embed", "--checkpoint", first.toString()).ok();
            on(b, "embed", "--checkpoint", second.toString()).ok();
            assertArrayEquals(Files.readAllBytes(first.resolve("embeddings.csv")), Files.readAllBytes(second.resolve("embeddings.csv")));
        }));
    }
}
