package dev.autoencoder.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.cli.AeCli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** Runs the real {@code ae} command line in this process, capturing what it prints, and checks what it writes. */
final class Cli {
    private Cli() {
    }

    /**
     * One run of {@code ae}.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int code, String out, String err) {
        /** Asserts exit 0 and returns this. */
        Result ok() {
            assertEquals(0, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        /** Asserts exit 2 with exactly one line on stderr containing {@code problem}, and returns that line. */
        String badInput(String problem) {
            assertEquals(2, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            List<String> lines = err.strip().lines().toList();
            assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + err);
            assertTrue(lines.get(0).contains(problem), () -> "'" + problem + "' in: " + lines.get(0));
            return lines.get(0);
        }
    }

    /** {@code ae args...}. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code ae args...} with {@code --backend name --threads 2} added. */
    static Result on(String backend, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--backend", backend, "--threads", "2"}, 0, all, args.length, 4);
        return run(all);
    }

    /** Asserts that {@code png} decodes as an image of at least the given size, and returns it. */
    static BufferedImage image(Path png, int minWidth, int minHeight) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " exists");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " decodes as an image");
        assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight, png + " is " + image.getWidth() + "x"
                + image.getHeight() + ", expected at least " + minWidth + "x" + minHeight);
        return image;
    }

    /** Asserts that {@code png} is a chart of exactly this size. */
    static void chart(Path png, int width, int height) throws IOException {
        BufferedImage image = image(png, width, height);
        assertEquals(width, image.getWidth(), png + " width");
        assertEquals(height, image.getHeight(), png + " height");
    }

    /** The rows of a CSV file (header first), each split into cells; every row must have the header's width. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = Files.readAllLines(file).stream().map(line -> line.split(",", -1)).toList();
        assertTrue(!rows.isEmpty(), file + " has a header");
        for (String[] row : rows) {
            assertEquals(rows.get(0).length, row.length, () -> file + ": row " + String.join(",", row));
        }
        return rows;
    }
}
