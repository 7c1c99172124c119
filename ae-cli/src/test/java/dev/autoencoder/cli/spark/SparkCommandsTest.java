package dev.autoencoder.cli.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.cli.AeCli;
import dev.autoencoder.data.bundled.BundledDigits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ae spark parquet|train|score} end to end in {@code local[2]}: the digits written as Parquet carry their recipe,
 * a run trained on them resumes and is an ordinary run folder that {@code ae anomaly} takes, the cluster's threshold
 * is {@code ae anomaly}'s on the same rows, and bad input gets exit code 2, one line, and no output.
 */
class SparkCommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        Result ok() {
            assertEquals(0, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        void badInput(String problem) {
            assertEquals(2, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            List<String> lines = err.strip().lines().toList();
            assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + err);
            assertTrue(lines.get(0).contains(problem), () -> "'" + problem + "' in: " + lines.get(0));
        }
    }

    private static Result ae(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static double threshold(String out) {
        Matcher m = Pattern.compile("threshold ([0-9.eE+-]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void parquetTrainResumeAndScoreOnLocalSpark() throws IOException {
        String table = dir.resolve("digits.parquet").toString();
        String run = dir.resolve("run").toString();
        String scores = dir.resolve("scores.parquet").toString();
        assertTrue(ae("spark", "parquet", "--data", "digits", "--out", table, "--master", "local[2]").ok().out().contains("1,438 rows"));
        String trained = ae("spark", "train", "--data", table, "--model", "ae", "--epochs", "1", "--batch-size", "64", "--out", run,
                "--partitions", "3", "--backend", "pure", "--master", "local[2]").ok().out();
        assertTrue(trained.contains("3 partitions, synchronous"), trained);
        String resumed = ae("spark", "train", "--data", table, "--epochs", "2", "--local-steps", "2", "--out", run, "--resume",
                "--partitions", "3", "--backend", "pure", "--master", "local[2]").ok().out();
        assertTrue(resumed.contains("done after 2 epochs"), resumed);
        assertEquals(3, Files.readAllLines(dir.resolve("run/metrics.csv")).size(), "a header and two epochs");

        String scored = ae("spark", "score", "--checkpoint", run, "--data", table, "--out", scores, "--threshold-percentile", "95",
                "--backend", "pure", "--master", "local[2]").ok().out();
        assertTrue(scored.contains("scored 1,438 rows"), scored);
        Dataset<Row> rows = SparkSession.builder().getOrCreate().read().parquet(scores);
        assertEquals(1438, rows.count());
        assertTrue(List.of(rows.columns()).containsAll(List.of("id", "features", "label", "score", "anomaly", "embedding")));
        // the run's recipe is the digits', so the local command scores the same training rows
        String local = ae("anomaly", "--checkpoint", run, "--threshold-percentile", "95", "--backend", "pure").ok().out();
        assertEquals(threshold(local), threshold(scored), 1e-6 * threshold(local), "the cluster's threshold is the local one");
    }

    @Test
    void aCsvTableTrainsOnItsNumericColumnsButTheLabel() throws IOException {
        float[] x = BundledDigits.load().features();
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 64; j++) {
            csv.append('p').append(j).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 64; j++) {
                csv.append(x[i * 64 + j] / BundledDigits.MAX_PIXEL).append(',');
            }
            csv.append(i % 10).append('\n');
        }
        Path file = Files.writeString(dir.resolve("digits.csv"), csv);
        String trained = ae("spark", "train", "--data", file.toString(), "--label-column", "label", "--model", "ae", "--epochs", "1",
                "--out", dir.resolve("csv-run").toString(), "--backend", "pure", "--master", "local[2]").ok().out();
        assertTrue(trained.contains("300 samples"), trained);
        assertTrue(Files.readString(dir.resolve("csv-run/data.json")).contains("digits.csv"), "the recipe names the file");
        String info = ae("anomaly", "--checkpoint", dir.resolve("csv-run").toString(), "--backend", "pure").ok().out();
        assertTrue(info.contains("ae model"), info);
    }

    @Test
    void badInputGetsOneLineAndWritesNothing() throws IOException {
        String table = dir.resolve("digits.parquet").toString();
        ae("spark", "parquet", "--data", "digits", "--out", table, "--master", "local[2]").ok();
        ae("spark", "parquet", "--data", "digits", "--out", table, "--master", "local[2]").badInput("already exists");
        ae("spark", "train", "--data", dir.resolve("missing.parquet").toString(), "--out", dir.resolve("r").toString(), "--master",
                "local[2]").badInput("no such file");
        ae("spark", "train", "--data", table, "--column", "pixels", "--out", dir.resolve("r").toString(), "--master", "local[2]")
                .badInput("no column 'pixels'");
        ae("spark", "train", "--data", table, "--validation-split", "0.1", "--epochs", "1", "--out", dir.resolve("r").toString(),
                "--backend", "pure", "--master", "local[2]").badInput("no validation split");
        assertTrue(!Files.exists(dir.resolve("r").resolve("model.safetensors")), "no checkpoint from a refused run");
        ae("spark", "score", "--checkpoint", dir.resolve("none.safetensors").toString(), "--data", table, "--out",
                dir.resolve("s").toString(), "--master", "local[2]").badInput("none.safetensors");
        assertTrue(!Files.exists(dir.resolve("s")), "no output from a refused run");
    }
}
