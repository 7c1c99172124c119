package dev.autoencoder.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void findsTheDirectionsOfLargestVarianceInOrder() {
        Random random = new Random(3);
        int n = 500;
        float[] points = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian() * 5;
            double b = random.nextGaussian() * 2;
            double c = random.nextGaussian() * 0.1;
            // axes (1, 1, 0)/sqrt2, (0, 0, 1) and (1, -1, 0)/sqrt2, shifted
            points[3 * i] = (float) (10 + (a + c) / Math.sqrt(2));
            points[3 * i + 1] = (float) (-4 + (a - c) / Math.sqrt(2));
            points[3 * i + 2] = (float) (7 + b);
        }
        float[] projected = Pca.project(points, n, 3, 2);
        double[] variance = new double[2];
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                mean[c] += projected[2 * i + c] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                variance[c] += Math.pow(projected[2 * i + c] - mean[c], 2) / n;
            }
        }
        assertEquals(0, mean[0], 1e-3, "projections are centred");
        assertEquals(25, variance[0], 4, "first axis carries the variance of a");
        assertEquals(4, variance[1], 1, "second axis carries the variance of b");
        assertTrue(variance[0] > variance[1]);
    }

    @Test
    void twoDimensionalPointsKeepTheirSpread() {
        float[] points = {0, 0, 2, 0, 4, 0, 6, 1};
        float[] projected = Pca.project(points, 4, 2, 2);
        double spread = Math.abs(projected[6] - projected[0]);
        assertTrue(spread > 5.9 && spread < 6.2, "spread along the first axis " + spread);
    }
}
