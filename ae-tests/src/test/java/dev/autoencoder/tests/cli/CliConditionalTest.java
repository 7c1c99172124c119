package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.image;
import static dev.autoencoder.tests.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.stats.ClassMeans;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.inference.Inference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conditional VAE through the command line: {@code ae train --model cvae} on the digits draws digits of the class asked
 * for ({@code ae generate --class K}; without it one row per class), interpolates within a class, resumes bit-exactly;
 * conv-cvae trains and generates; every misuse is one line and exit code 2.
 */
class CliConditionalTest {
    /** The cell size of the image grids. */
    private static final int CELL = 64;

    @TempDir
    static Path dir;

    private static Path cvae;

    @BeforeAll
    static void trainOnTheDigits() {
        cvae = dir.resolve("cvae");
        String out = run("train", "--model", "cvae", "--data", "digits", "--epochs", "40", "--lr", "3e-3", "--out", cvae.toString())
                .ok().out();
        assertTrue(out.contains("training cvae"), out);
    }

    @Test
    void drawsDigitsOfTheClassAskedFor() {
        PureBackend backend = new PureBackend(2);
        var model = ModelCheckpoint.load(cvae.resolve("best.safetensors"), backend, DType.F32).model();
        int[] labels = IntStream.range(0, 500).map(i -> i / 50).toArray();
        float[] draws = new Inference(backend, model, 256).sample(labels, 3);
        var digits = new DataCatalog().load(new DataRequest(DataRequest.DIGITS, null, null, null), Optional.empty());
        double agreement = ClassMeans.of(digits.train()).agreement(draws, labels);
        // chance is 0.1; the class means put about 90% of real test digits in their class
        assertTrue(agreement > 0.7, "draws whose nearest class mean is their class: " + agreement);
    }

    @Test
    void generatesAClassOrOneRowPerClass() throws IOException {
        Path three = dir.resolve("three");
        run("generate", "--checkpoint", cvae.toString(), "--class", "3", "--count", "16", "--out", three.toString()).ok();
        BufferedImage threes = image(three.resolve("generated.png"), 8 * CELL, 2 * CELL);
        Path all = dir.resolve("all");
        run("generate", "--checkpoint", cvae.toString(), "--out", all.toString()).ok();
        BufferedImage rows = image(all.resolve("generated.png"), 8 * CELL, 10 * CELL);
        assertTrue(rows.getHeight() > 4 * threes.getHeight(), "10 rows against 2: " + rows.getHeight() + " vs " + threes.getHeight());
        run("generate", "--checkpoint", cvae.toString(), "--class", "10", "--out", dir.resolve("x").toString())
                .badInput("class 10 is not one of the model's classes 0 to 9");
        run("generate", "--checkpoint", cvae.toString(), "--class", "-1", "--out", dir.resolve("x").toString())
                .badInput("class -1 is not one of the model's classes 0 to 9");
    }

    @Test
    void interpolatesWithinAClass() throws IOException {
        Path line = dir.resolve("line");
        String out = run("interpolate", "--checkpoint", cvae.toString(), "--class", "3", "--out", line.toString()).ok().out();
        assertTrue(out.contains("interpolated sample 0 to 1"), out);
        image(line.resolve("interpolation.png"), 10 * CELL, 2 * CELL);
        run("interpolate", "--checkpoint", cvae.toString(), "--class", "12", "--out", line.toString()).badInput("no sample of class 12");
        run("interpolate", "--checkpoint", cvae.toString(), "--from", "0", "--to", "1", "--out", line.toString())
                .badInput("interpolates within a class: give --class K");
    }

    @Test
    void theOtherJobsReadEachSamplesLabel() {
        assertTrue(run("embed", "--checkpoint", cvae.toString()).ok().out().contains("embeddings.csv"));
        assertTrue(run("evaluate", "--checkpoint", cvae.toString(), "--importance-samples", "4").ok().out().contains("nll"));
        assertTrue(run("anomaly", "--checkpoint", cvae.toString(), "--score-samples", "2").ok().out().contains("threshold"));
        run("compress", "--checkpoint", cvae.toString()).ok();
        String out = run("decompress", "--checkpoint", cvae.toString()).ok().out();
        assertTrue(out.contains("decoded vs original"), out);
    }

    @Test
    void resumesBitExactly() {
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        run("train", "--model", "cvae", "--epochs", "3", "--out", whole.toString()).ok();
        run("train", "--model", "cvae", "--epochs", "2", "--out", resumed.toString()).ok();
        run("train", "--resume", "--epochs", "3", "--out", resumed.toString()).ok();
        Map<String, HostTensor> want = SafeTensors.read(whole.resolve("model.safetensors")).tensors();
        Map<String, HostTensor> got = SafeTensors.read(resumed.resolve("model.safetensors")).tensors();
        assertEquals(want.keySet(), got.keySet());
        want.forEach((name, t) -> assertArrayEquals(t.toFloats(), got.get(name).toFloats(), name));
    }

    @Test
    void theConvolutionalOneTrainsAndGenerates() throws IOException {
        Path conv = dir.resolve("conv-cvae");
        run("train", "--model", "conv-cvae", "--epochs", "1", "--out", conv.toString()).ok();
        Path gen = dir.resolve("conv-gen");
        run("generate", "--checkpoint", conv.toString(), "--class", "2", "--out", gen.toString()).ok();
        image(gen.resolve("traversal.png"), 12 * CELL, 12 * CELL);
        run("export", "--format", "onnx", "--checkpoint", conv.toString(), "--out", dir.resolve("onnx").toString())
                .badInput("conv-cvae has no ONNX export yet");
    }

    @Test
    void misuseIsOneLine() throws IOException {
        Path table = Files.writeString(dir.resolve("table.csv"), "a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n");
        run("train", "--model", "cvae", "--data", table.toString(), "--out", dir.resolve("unlabelled").toString())
                .badInput("cvae is conditioned on class labels, which this data does not give it");
        assertTrue(!Files.exists(dir.resolve("unlabelled").resolve("model.safetensors")), "nothing trained");
        Path vae = dir.resolve("vae");
        run("train", "--model", "vae", "--epochs", "1", "--out", vae.toString()).ok();
        run("generate", "--checkpoint", vae.toString(), "--class", "1", "--out", dir.resolve("g").toString())
                .badInput("a vae model is not conditioned on classes");
        run("interpolate", "--checkpoint", vae.toString(), "--class", "1", "--out", dir.resolve("i").toString())
                .badInput("--class applies to a cvae or conv-cvae");
    }
}
