package dev.autoencoder.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.run.TrainingRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ae train} killed with SIGKILL at many instants, then {@code ae train --resume}: every resumed run ends with
 * exactly the weights of an uninterrupted run, or (killed before its first epoch was committed) refuses in one line.
 * Half the kills land at random moments of the whole run, half right after an epoch's line is printed, which is when
 * that epoch's commit and its copies are being written.
 */
class KillAndResumeTest {
    private static final int TRIALS = 20;
    private static final String EPOCHS = "6";
    private static final List<String> TRAIN = List.of("train", "--data", "digits", "--batch-size", "16", "--backend", "pure",
            "--threads", "1", "--seed", "5");

    @TempDir
    Path dir;

    /** A child JVM running {@code ae} with this JVM's options and classpath, its output merged. */
    private static Process ae(List<String> args, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.autoencoder.cli.Main"));
        command.addAll(args);
        command.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** Runs {@code ae} to the end; returns its exit code and output. */
    private static Map.Entry<Integer, String> complete(List<String> args, Path out) throws Exception {
        Process p = ae(args, out);
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the JVM's own notice of the Vector API module this test JVM runs with is not ae's output
        return Map.entry(p.waitFor(), text.replaceAll("(?m)^WARNING: Using incubator modules.*\\R", ""));
    }

    private static Map<String, HostTensor> weights(Path file) {
        return SafeTensors.read(file).tensors();
    }

    private static void assertSameWeights(Path expected, Path actual) {
        Map<String, HostTensor> want = weights(expected);
        Map<String, HostTensor> got = weights(actual);
        assertEquals(want.keySet(), got.keySet(), actual.toString());
        want.forEach((name, t) -> assertArrayEquals(t.toFloats(), got.get(name).toFloats(), actual + ": " + name));
    }

    @Test
    void everyKilledRunResumesBitExactlyOrRefusesInOneLine() throws Exception {
        Path reference = dir.resolve("reference");
        long began = System.nanoTime();
        Process straight = ae(plus(TRAIN, "--epochs", EPOCHS), reference);
        long firstEpoch = millisToFirstEpochLine(straight, began);
        assertEquals(0, straight.waitFor(), "the uninterrupted run");
        long millis = (System.nanoTime() - began) / 1_000_000;
        long from = Math.max(0, firstEpoch - 150); // a few kills before the first commit, most while epochs run
        Random random = new Random(42);
        int resumed = 0;
        int refused = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path run = dir.resolve("run-" + trial);
            Process p = ae(plus(TRAIN, "--epochs", EPOCHS), run);
            if (trial % 2 == 0) {
                p.getInputStream().close();
                p.waitFor(from + random.nextInt((int) (millis - from)), TimeUnit.MILLISECONDS);
            } else {
                killAfterEpochLine(p, 1 + random.nextInt(Integer.parseInt(EPOCHS) - 1), random.nextInt(25));
            }
            p.destroyForcibly().waitFor();
            Map.Entry<Integer, String> after = complete(plus(TRAIN, "--resume", "--epochs", EPOCHS), run);
            if (after.getKey() == 0) {
                resumed++;
                assertSameWeights(reference.resolve(TrainingRun.MODEL), run.resolve(TrainingRun.MODEL));
                assertSameWeights(reference.resolve(TrainingRun.BEST), run.resolve(TrainingRun.BEST));
                assertEquals(losses(reference), losses(run), "metrics of trial " + trial);
            } else if (after.getValue().contains("has already run " + EPOCHS + " epochs")) {
                resumed++; // the kill came after the last commit: the run is complete as it is
                assertSameWeights(reference.resolve(TrainingRun.MODEL), run.resolve(TrainingRun.MODEL));
            } else {
                refused++;
                assertEquals(2, after.getKey(), after.getValue());
                assertEquals(1, after.getValue().strip().lines().count(), after.getValue());
                assertTrue(after.getValue().contains("no training run") || after.getValue().contains("was committed"), after.getValue());
                assertFalse(Files.exists(run.resolve(TrainingRun.STATE)), "refused although a state was committed");
            }
        }
        System.out.printf("kill -9 at %d instants of a %d ms run: %d resumed bit-exactly, %d refused (no epoch committed)%n", TRIALS,
                millis, resumed, refused);
        assertTrue(resumed >= TRIALS / 2, resumed + " of " + TRIALS + " kills came after the first commit");
    }

    /** Reads {@code p}'s output to its end; returns the milliseconds from {@code began} to its first epoch line. */
    private static long millisToFirstEpochLine(Process p, long began) throws IOException {
        long first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first < 0 && line.startsWith("epoch 1/")) {
                    first = (System.nanoTime() - began) / 1_000_000;
                }
            }
        }
        assertTrue(first > 0, "the run printed its first epoch");
        return first;
    }

    /** Kills {@code p} {@code delayMillis} after it printed the line of epoch {@code epoch} (or when it ends). */
    private static void killAfterEpochLine(Process p, int epoch, int delayMillis) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("epoch " + epoch + "/")) {
                    p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
                    return;
                }
            }
        }
    }

    /** The loss columns of a run's metrics (throughput differs from run to run). */
    private static List<String> losses(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(run.resolve(TrainingRun.METRICS));
        int keep = List.of(lines.get(0).split(",")).indexOf("lr");
        for (String line : lines) {
            rows.add(String.join(",", List.of(line.split(",")).subList(0, keep)));
        }
        return rows;
    }
}
