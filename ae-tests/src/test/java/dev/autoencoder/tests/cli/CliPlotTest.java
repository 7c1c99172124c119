package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.chart;
import static dev.autoencoder.tests.cli.Cli.on;
import static dev.autoencoder.tests.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ae plot}: the pictures of a run drawn again from the files that {@code ae train}, {@code ae embed} and
 * {@code ae anomaly} wrote on the bundled digits, and bad input named in one line with exit code 2.
 */
class CliPlotTest {
    /** The colour of the second group of a histogram and of the fourth label of a scatter. */
    private static final int RED = 0xd62728;

    @TempDir
    static Path dir;

    private static Path ae;
    private static Path vae;
    private static Path plots;

    @BeforeAll
    static void trainEmbedAndScore() {
        ae = dir.resolve("ae");
        vae = dir.resolve("vae");
        plots = dir.resolve("plots");
        on("pure", "train", "--model", "ae", "--epochs", "2", "--out", ae.toString()).ok();
        on("pure", "embed", "--checkpoint", ae.toString()).ok();
        on("pure", "anomaly", "--checkpoint", ae.toString()).ok();
        on("pure", "train", "--model", "vae", "--latent", "2", "--epochs", "1", "--out", vae.toString()).ok();
        on("pure", "embed", "--checkpoint", vae.toString()).ok();
    }

    @Test
    void lossCurvesOfARun() throws IOException {
        String out = run("plot", "loss", "--run", ae.toString(), "--out", plots.toString()).ok().out();
        assertEquals(plots.resolve("loss.png").toString(), out.strip());
        chart(plots.resolve("loss.png"), 800, 496);
        Path vaePlots = plots.resolve("vae");
        run("plot", "loss", "--run", vae.toString(), "--out", vaePlots.toString()).ok();
        chart(vaePlots.resolve("loss.png"), 3 * 440, 436);
        byte[] before = Files.readAllBytes(vae.resolve("loss.png"));
        run("plot", "loss", "--run", vae.toString()).ok();
        assertFalse(Arrays.equals(before, Files.readAllBytes(vae.resolve("loss.png"))),
                "without --out the run's loss.png is drawn again (under the folder's name)");
        chart(vae.resolve("loss.png"), 3 * 440, 436);
    }

    @Test
    void latentScatterOfEmbeddings() throws IOException {
        Path aePlots = plots.resolve("ae-latent");
        run("plot", "latent", "--embeddings", ae.resolve("embeddings.csv").toString(), "--out", aePlots.toString()).ok();
        chart(aePlots.resolve("latent.png"), 800, 700);
        assertTrue(colours(aePlots.resolve("latent.png")).contains(RED), "the digits are coloured by label");
        Path vaePlots = plots.resolve("vae-latent");
        run("plot", "latent", "--embeddings", vae.resolve("embeddings.csv").toString(), "--out", vaePlots.toString()).ok();
        chart(vaePlots.resolve("latent.png"), 800, 700);
    }

    @Test
    void histogramOfScores() throws IOException {
        Path scores = ae.resolve("scores.csv");
        Path all = plots.resolve("scores-all");
        run("plot", "scores", "--scores", scores.toString(), "--threshold", "0.05", "--out", all.toString()).ok();
        chart(all.resolve("scores.png"), 800, 500);
        assertFalse(colours(all.resolve("scores.png")).contains(RED), "one group");
        Path split = plots.resolve("scores-split");
        run("plot", "scores", "--scores", scores.toString(), "--normal-class", "0", "--out", split.toString()).ok();
        chart(split.resolve("scores.png"), 800, 500);
        assertTrue(colours(split.resolve("scores.png")).contains(RED), "anomalous samples drawn apart, in red");
    }

    @Test
    void badInputIsNamedInOneLine() throws IOException {
        Path missing = dir.resolve("no-run");
        run("plot", "loss", "--run", missing.toString()).badInput(missing.resolve("metrics.csv") + ": no such file");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "id,label,z0,z1\n0,1,0.5,0.25\n1,2,0.5\n");
        run("plot", "latent", "--embeddings", ragged.toString()).badInput(ragged + ":3: has 3 cells");
        Path scores = ae.resolve("scores.csv");
        run("plot", "latent", "--embeddings", scores.toString()).badInput(scores + ":1: is not a result file of embeddings");
        Path metrics = Files.writeString(Files.createDirectories(dir.resolve("metrics-run")).resolve("metrics.csv"),
                "epoch,train_total,lr\n");
        run("plot", "loss", "--run", metrics.getParent().toString()).badInput(metrics + ":1: is not the header of training metrics");
        run("plot", "histogram").badInput("'histogram'");
        run("plot").badInput("ae plot");
        run("plot", "scores").badInput("--scores");
        run("plot", "scores", "--scores", scores.toString(), "--threshold", "high").badInput("--threshold");
    }

    @Test
    void helpListsTheKinds() {
        String out = run("plot", "--help").ok().out();
        assertTrue(out.contains("Usage: ae plot") && out.contains("loss") && out.contains("latent") && out.contains("scores"), out);
        assertTrue(run("plot", "scores", "--help").ok().out().contains("--threshold"));
        assertTrue(run("--help").ok().out().contains("plot"));
    }

    private static Set<Integer> colours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }
}
