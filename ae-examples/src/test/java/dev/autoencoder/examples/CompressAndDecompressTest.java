package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressAndDecompressTest {
    @Test
    void writesSmallFloat16CodesThatDecompressToTheReconstructions(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(CompressAndDecompress::main, dir);
        Path file = dir.resolve("codes.aec");
        CodeFile codes = CodeFile.read(file);
        assertEquals(Precision.FLOAT16, codes.precision());
        assertEquals(4, codes.latent());
        assertArrayEquals(Digits.load().test().labels(), codes.labels());
        assertEquals(Files.size(file), (long) printed.number("float32, ([0-9,]+) bytes of"));
        assertTrue(printed.number("([0-9.]+)x smaller") > 10);

        assertTrue(printed.number("decompressed vs original: mse ([0-9.]+)") < 0.05);
        assertTrue(printed.number("vs float32 reconstruction: mse ([0-9.Ee-]+)") < 1e-6, "float16 codes cost little");
        assertTrue(Printed.png(dir.resolve("decompressed.png")).getHeight() > 0);
    }
}
