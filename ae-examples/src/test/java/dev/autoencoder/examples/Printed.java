package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** What an example printed when its main ran with a folder, and checks on what it wrote there. */
record Printed(String text) {
    /** An example's main. */
    interface Main {
        void run(String[] args) throws Exception;
    }

    /** Runs {@code main} with {@code folder} as its argument, capturing (and echoing) what it prints. */
    static Printed run(Main main, Path folder) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[] {folder.toString()});
        } finally {
            System.setOut(stdout);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        stdout.print(text);
        assertTrue(text.contains("writing into " + folder), text);
        return new Printed(text);
    }

    /** The groups of the first match of {@code regex} in what was printed. */
    Matcher find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "printed no line matching " + regex + ":\n" + text);
        return m;
    }

    /** The number captured by the first group of {@code regex}. */
    double number(String regex) {
        return Double.parseDouble(find(regex).group(1).replace(",", ""));
    }

    /** The PNG {@code file}, decoded; it must exist and be a PNG. */
    static BufferedImage png(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not written");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0], file + " is not a PNG");
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII), file + " is not a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " does not decode");
        return image;
    }
}
