package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndInterpolateTest {
    @Test
    void drawsDigitLikeSamplesAndALineWhoseEndsAreTheReconstructions(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(GenerateAndInterpolate::main, dir);
        Matcher means = printed.find("mean pixel: ([0-9.]+) of 32 draws, ([0-9.]+) of the test digits");
        double draws = Double.parseDouble(means.group(1));
        double digits = Double.parseDouble(means.group(2));
        // an untrained decoder draws grey images (0.5); the prior's draws are as dark as digits
        assertTrue(Math.abs(draws - digits) < 0.05, "mean pixel " + draws + " vs " + digits);
        assertTrue(printed.number("the two digits: largest difference ([0-9.Ee-]+)") <= 1e-6,
                "decoding a digit's code gives its reconstruction");

        BufferedImage samples = Printed.png(dir.resolve("samples.png"));
        BufferedImage line = Printed.png(dir.resolve("interpolation.png"));
        BufferedImage traversal = Printed.png(dir.resolve("traversal.png"));
        assertTrue(samples.getWidth() > samples.getHeight(), "4 rows of 8");
        assertTrue(line.getWidth() > 5 * line.getHeight(), "one row of 10");
        assertEquals(traversal.getWidth(), traversal.getHeight(), traversal.getWidth() / 8, "8 rows of 8 (and a title)");
        assertEquals(samples.getWidth() / 8, line.getWidth() / 10, 2, "the same cell size");
    }
}
