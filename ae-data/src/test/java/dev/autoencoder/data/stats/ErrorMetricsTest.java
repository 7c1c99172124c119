package dev.autoencoder.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorMetricsTest {
    @Test
    void mseAndPsnr() {
        float[] a = {0, 0, 1, 1};
        float[] b = {0, 0.5f, 1, 0};
        assertEquals(0.3125, ErrorMetrics.mse(a, b), 1e-12);
        assertEquals(20, ErrorMetrics.psnr(0.01), 1e-12);
        assertArrayEquals(new float[] {0.125f, 0.5f}, ErrorMetrics.perSampleMse(a, b, 2));
    }
}
