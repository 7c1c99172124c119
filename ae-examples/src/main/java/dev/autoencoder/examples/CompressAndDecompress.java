package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.stats.ErrorMetrics;
import dev.autoencoder.data.write.ImageGridWriter;
import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Compressor;
import dev.autoencoder.models.codec.Precision;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.inference.Inference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Compression: the test digits are encoded into a code file of float16 codes ({@code codes.aec}), read back (the file
 * is checked, and only the model that wrote it decodes it) and decompressed. Prints the size ratio against the digits
 * as float32 and the error; draws {@code decompressed.png} (original | decompressed).
 */
public final class CompressAndDecompress {
    private CompressAndDecompress() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "compress-and-decompress");
        TensorBackend backend = new PureBackend(2);
        Digits.Trained trained = Digits.train(out.resolve("run"), Digits.spec(Family.AE), 30, null, backend);
        Inference inference = trained.inference();
        Compressor compressor = new Compressor(inference);

        Dataset test = trained.test();
        Path file = out.resolve("codes.aec");
        long bytes = compressor.compress(test, Precision.FLOAT16, "digits test").write(file);
        CodeFile codes = compressor.read(file);
        float[] decompressed = compressor.decompress(codes);

        long original = (long) Float.BYTES * test.data().length;
        double mse = ErrorMetrics.mse(decompressed, test.data());
        double rounding = ErrorMetrics.mse(decompressed, inference.reconstruct(test));
        System.out.printf(Locale.ROOT, "%d digits: %,d bytes as float32, %,d bytes of %d-value %s codes: %.1fx smaller%n", codes.size(),
                original, bytes, codes.latent(), codes.precision(), (double) original / bytes);
        System.out.printf(Locale.ROOT, "decompressed vs original: mse %.5f, psnr %.2f dB%n", mse, ErrorMetrics.psnr(mse));
        System.out.printf(Locale.ROOT, "decompressed vs float32 reconstruction: mse %.3g%n", rounding);

        int rows = 8;
        new ImageGridWriter().writeComparison(out.resolve("decompressed.png"), "digits from " + codes.latent() + " float16 values",
                List.of("original", "decompressed"), List.of(Digits.images(test).slice(0, rows),
                        Digits.images(test, decompressed).slice(0, rows)));
        System.out.println("wrote " + file + " and " + out.resolve("decompressed.png"));
    }
}
