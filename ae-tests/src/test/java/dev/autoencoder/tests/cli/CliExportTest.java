package dev.autoencoder.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.onnx.OnnxExporter;
import dev.autoencoder.tests.onnx.OrtModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ae export}: ONNX files of a trained run, its help, and its refusals (exit 2, one line, nothing overwritten). */
class CliExportTest {
    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void trainOneRun() {
        run = dir.resolve("run");
        Cli.on("pure", "train", "--model", "vae", "--latent", "2", "--hidden", "16", "--epochs", "1", "--out", run.toString()).ok();
    }

    @Test
    void exportWritesEveryPartIntoTheRunFolderAndOnnxRuntimeRunsThem() throws Exception {
        String out = Cli.on("pure", "export", "--format", "onnx", "--checkpoint", run.toString()).ok().out();
        List<Path> files = Stream.of("encoder", "decoder", "reconstruction").map(p -> run.resolve(p + ".onnx")).toList();
        for (Path file : files) {
            assertTrue(out.contains(file.toString()), () -> file + " in:\n" + out);
        }
        assertTrue(out.contains("vae model " + run.resolve("best.safetensors")), out);
        TensorBackend pure = Backends.select("pure", new BackendSettings(2));
        ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(run.resolve("best.safetensors"), pure, DType.F32);
        float[] x = new float[3 * 64];
        Arrays.fill(x, 0.25f);
        Arrays.fill(x, 64, 128, 0.75f);
        float[] expected = new Inference(pure, loaded.model(), 64).reconstruct(Dataset.unlabeled("x", x, 64));
        try (OrtModel onnx = new OrtModel(files.get(2))) {
            Map<String, String> metadata = onnx.metadata();
            assertEquals(loaded.metadata().get(ModelCheckpoint.RECIPE), metadata.get(ModelCheckpoint.RECIPE), "the run's data recipe");
            assertEquals("reconstruction", metadata.get(OnnxExporter.PART));
            float[] actual = onnx.run("x", x, 3, 64).get("x_hat");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "element " + i);
            }
        }
        try (Stream<Path> left = Files.list(run)) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void onePartGoesToOut() throws IOException {
        Path folder = dir.resolve("decoder-only");
        Cli.on("pure", "export", "--format", "onnx", "--checkpoint", run.toString(), "--part", "decoder", "--out", folder.toString()).ok();
        try (Stream<Path> written = Files.list(folder)) {
            assertEquals(List.of("decoder.onnx"), written.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void helpNamesTheOptions() {
        String help = Cli.run("export", "--help").ok().out();
        for (String option : List.of("--format", "--checkpoint", "--part", "--out", "--force")) {
            assertTrue(help.contains(option), () -> option + " in:\n" + help);
        }
        assertTrue(Cli.run("--help").ok().out().contains("export"));
    }

    @Test
    void badPartsFormatsAndCheckpointsExitWithTwo() throws IOException {
        String checkpoint = run.toString();
        Path elsewhere = dir.resolve("bad");
        Cli.run("export", "--format", "onnx", "--checkpoint", checkpoint, "--part", "trunk", "--out", elsewhere.toString())
                .badInput("unknown part 'trunk'; known: encoder, decoder, reconstruction, all");
        Cli.run("export", "--format", "tflite", "--checkpoint", checkpoint, "--out", elsewhere.toString()).badInput("--format 'tflite'");
        Cli.run("export", "--checkpoint", checkpoint, "--out", elsewhere.toString()).badInput("--format");
        byte[] good = Files.readAllBytes(run.resolve("model.safetensors"));
        Path corrupt = Files.write(dir.resolve("corrupt.safetensors"), Arrays.copyOf(good, good.length / 2));
        Cli.run("export", "--format", "onnx", "--checkpoint", corrupt.toString(), "--out", elsewhere.toString()).badInput(corrupt.toString());
        Cli.run("export", "--format", "onnx", "--checkpoint", dir.resolve("missing").toString()).badInput("missing");
        assertFalse(Files.exists(elsewhere), "nothing was written");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path folder = dir.resolve("existing");
        String[] export = {"export", "--format", "onnx", "--checkpoint", run.toString(), "--out", folder.toString()};
        Cli.on("pure", export).ok();
        byte[] encoder = Files.readAllBytes(folder.resolve("encoder.onnx"));
        Path decoder = Files.writeString(folder.resolve("decoder.onnx"), "not a model");
        Files.delete(folder.resolve("encoder.onnx"));
        Cli.on("pure", export).badInput(decoder + " already exists");
        assertEquals("not a model", Files.readString(decoder), "the file is untouched");
        assertFalse(Files.exists(folder.resolve("encoder.onnx")), "nothing is written when one file exists");
        String[] forced = Arrays.copyOf(export, export.length + 1);
        forced[export.length] = "--force";
        Cli.on("pure", forced).ok();
        assertArrayEquals(encoder, Files.readAllBytes(folder.resolve("encoder.onnx")));
        assertTrue(Files.size(decoder) > 1000, "the forced export replaced the file");
    }
}
