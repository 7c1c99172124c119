package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.chart;
import static dev.autoencoder.tests.cli.Cli.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series end to end: {@code ae make-series} writes a labelled sensor series, {@code ae train --model lstm-ae --window}
 * trains on its windows, {@code ae anomaly} scores its windows and steps; bad input exits 2 with one line.
 */
class CliSeriesTest {
    private static final int STEPS = 1200;
    /** The test part is the last 20% of the steps. */
    private static final int FIRST_TEST_STEP = 960;

    @TempDir
    static Path dir;

    private static Path csv;
    private static Path run;

    @BeforeAll
    static void generateAndTrain() {
        csv = dir.resolve("sensors.csv");
        String made = Cli.run("make-series", "--out", csv.toString(), "--steps", "" + STEPS, "--channels", "2", "--anomalies", "4",
                "--normal-steps", "" + FIRST_TEST_STEP, "--seed", "3").ok().out();
        assertTrue(made.contains("1200 steps of 2 sensors, 4 anomalies after step 960, seed 3"), made);
        assertTrue(made.contains("spike on sensor") && made.contains("frequency change on sensor"), made);
        run = dir.resolve("run");
        String trained = on("pure", "train", "--model", "lstm-ae", "--data", csv.toString(), "--window", "16", "--stride", "4",
                "--label-column", "label", "--epochs", "2", "--out", run.toString()).ok().out();
        assertTrue(trained.contains("training lstm-ae") && trained.contains("input [16, 2]"), trained);
        assertTrue(trained.contains("237 training samples"), "(960 - 16) / 4 + 1 windows of the training part:\n" + trained);
    }

    @Test
    void anomalyScoresWindowsAndStepsAndDrawsThem() throws IOException {
        Path out = dir.resolve("scores");
        String printed = on("pure", "anomaly", "--checkpoint", run.toString(), "--data", csv.toString(), "--window", "16", "--stride", "1",
                "--label-column", "label", "--out", out.toString()).ok().out();
        assertTrue(printed.contains("240 steps in 225 windows of 16 (stride 1)"), printed);
        assertTrue(printed.contains("windows: threshold") && printed.contains("windows: AUROC"), printed);
        assertTrue(printed.contains("steps: threshold") && printed.contains("steps: AUROC"), printed);
        assertTrue(printed.contains("average precision"), printed);
        List<String[]> steps = Cli.csv(out.resolve("step-scores.csv"));
        assertEquals(List.of("id", "label", "score"), List.of(steps.get(0)));
        assertEquals(241, steps.size(), "a row per step of the test part, every one covered with stride 1");
        assertEquals("" + FIRST_TEST_STEP, steps.get(1)[0], "steps are numbered in the whole series");
        assertEquals(226, Cli.csv(out.resolve("window-scores.csv")).size());
        chart(out.resolve("series.png"), 1200, 756);
    }

    @Test
    void anLstmAeScoresWindowsOfAnotherLength() {
        String printed = on("pure", "anomaly", "--checkpoint", run.toString(), "--data", csv.toString(), "--window", "40",
                "--label-column", "label", "--out", dir.resolve("long").toString()).ok().out();
        assertTrue(printed.contains("240 steps in 6 windows of 40 (stride 40)"), printed);
    }

    /** conv1d-ae takes the windows as ae-data cuts them, [channels, steps], and scores them per window and step. */
    @Test
    void aConv1dAeTrainsAndScoresWindowsChannelsFirst() {
        Path conv = dir.resolve("conv1d");
        String trained = on("pure", "train", "--model", "conv1d-ae", "--data", csv.toString(), "--window", "16", "--stride", "4",
                "--label-column", "label", "--epochs", "1", "--out", conv.toString()).ok().out();
        assertTrue(trained.contains("training conv1d-ae") && trained.contains("input [2, 16]"), trained);
        String printed = on("pure", "anomaly", "--checkpoint", conv.toString(), "--data", csv.toString(), "--window", "16", "--stride",
                "1", "--label-column", "label", "--out", dir.resolve("conv1d-scores").toString()).ok().out();
        assertTrue(printed.contains("240 steps in 225 windows of 16 (stride 1)") && printed.contains("steps: AUROC"), printed);
    }

    /** A flat model of the same windows scores them as samples, as for images. */
    @Test
    void aFlatModelOfWindowsScoresThemAsSamples() throws IOException {
        Path flat = dir.resolve("flat");
        on("pure", "train", "--data", csv.toString(), "--window", "16", "--stride", "4", "--label-column", "label", "--epochs", "1",
                "--out", flat.toString()).ok();
        String printed = on("pure", "anomaly", "--checkpoint", flat.toString()).ok().out();
        assertTrue(printed.contains("AUROC") && !printed.contains("steps: threshold"), printed);
        assertEquals(List.of("id", "label", "score"), List.of(Cli.csv(flat.resolve("scores.csv")).get(0)));
    }

    @Test
    void badSeriesInputIsOneLine() {
        Path out = dir.resolve("bad");
        on("pure", "train", "--model", "lstm-ae", "--data", csv.toString(), "--window", "5000", "--label-column", "label", "--out",
                out.toString()).badInput("has 1200 rows, fewer than one window of 5000 steps");
        on("pure", "anomaly", "--checkpoint", run.toString(), "--data", csv.toString(), "--window", "500", "--label-column", "label",
                "--out", out.toString()).badInput("(the test part) are fewer than one window of 500 steps");
        on("pure", "train", "--model", "lstm-ae", "--data", csv.toString(), "--window", "16", "--columns", "sensor0,pressure", "--out",
                out.toString()).badInput("no column named 'pressure'");
        on("pure", "anomaly", "--checkpoint", run.toString(), "--data", csv.toString(), "--window", "16", "--columns", "sensor1",
                "--label-column", "label", "--out", out.toString()).badInput("has 1 feature columns, but the scaling it is read with (its model's training data) has 2");
        on("pure", "anomaly", "--checkpoint", run.toString(), "--normal-class", "0", "--out", out.toString())
                .badInput("a series is scored against its training part");
        Cli.run("make-series", "--out", out.resolve("x.csv").toString(), "--steps", "100", "--anomalies", "50", "--normal-steps", "90")
                .badInput("fewer than 8 per anomaly");
        assertTrue(!Files.exists(out.resolve("x.csv")), "nothing is written");
    }
}
