package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalGenerationTest {
    @Test
    void drawsDigitsOfTheClassAskedFor(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(ConditionalGeneration::main, dir);
        double agreement = printed.number("the class drawn for in ([0-9.]+)");
        double real = printed.number("their own class in ([0-9.]+)");
        // chance is 0.1; the draws agree with their class about as often as real digits do
        assertTrue(agreement > 0.8 && agreement > real - 0.1,
                "draws agreeing with their class: " + agreement + ", test digits " + real);
        BufferedImage classes = Printed.png(dir.resolve("classes.png"));
        BufferedImage line = Printed.png(dir.resolve("interpolation.png"));
        assertEquals(classes.getWidth(), line.getWidth(), "rows of 10 alike");
        assertTrue(classes.getHeight() > 8 * line.getHeight() / 2, "10 rows, one per class");
    }
}
