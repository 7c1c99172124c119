package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenoiseTest {
    @Test
    void theDenoisedDigitsAreCloserToTheCleanOnesThanTheNoisyOnes(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(Denoise::main, dir);
        double noisy = printed.number("noisy +vs clean: mse ([0-9.]+)");
        double denoised = printed.number("denoised vs clean: mse ([0-9.]+)");
        assertTrue(noisy > 0.04, "30% masking noise changes the digits: mse " + noisy);
        assertTrue(denoised < 0.75 * noisy, "denoised mse " + denoised + " vs noisy " + noisy);
        assertTrue(printed.number("denoised vs clean: mse [0-9.]+, psnr ([0-9.]+) dB") > printed.number("noisy +vs clean: mse [0-9.]+, psnr ([0-9.]+) dB"));

        BufferedImage png = Printed.png(dir.resolve("denoised.png"));
        assertTrue(png.getHeight() > 2 * png.getWidth(), "8 rows of 3 digits: " + png.getWidth() + "x" + png.getHeight());
    }
}
