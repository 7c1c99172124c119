package dev.autoencoder.data.stats;

/**
 * Principal component analysis to a few dimensions, enough to draw a latent space of any size in 2-D: the
 * covariance matrix of the centred points, and its leading eigenvectors by power iteration with deflation.
 */
public final class Pca {
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-10;

    private Pca() {
    }

    /**
     * The projection of {@code n} points of {@code dim} values (row-major) onto their first {@code components}
     * principal axes: {@code n x components} values. Signs are fixed so that each axis's largest coefficient is
     * positive, so the picture does not flip between runs.
     */
    public static float[] project(float[] points, int n, int dim, int components) {
        if (components > dim) {
            throw new IllegalArgumentException("cannot project " + dim + "-d points onto " + components + " components");
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += points[i * dim + j] / (double) n;
            }
        }
        double[][] cov = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                double da = points[i * dim + a] - mean[a];
                for (int b = 0; b < dim; b++) {
                    cov[a][b] += da * (points[i * dim + b] - mean[b]) / n;
                }
            }
        }
        double[][] axes = new double[components][];
        for (int c = 0; c < components; c++) {
            axes[c] = leadingEigenvector(cov, c);
            deflate(cov, axes[c]);
        }
        float[] out = new float[n * components];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < components; c++) {
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += (points[i * dim + j] - mean[j]) * axes[c][j];
                }
                out[i * components + c] = (float) dot;
            }
        }
        return out;
    }

    private static double[] leadingEigenvector(double[][] m, int seedIndex) {
        int dim = m.length;
        double[] v = new double[dim];
        for (int j = 0; j < dim; j++) {
            v[j] = 1.0 / Math.sqrt(dim) + (j == seedIndex % dim ? 0.5 : 0);
        }
        normalise(v);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[dim];
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    next[a] += m[a][b] * v[b];
                }
            }
            if (normalise(next) == 0) {
                return v;
            }
            double change = 0;
            for (int j = 0; j < dim; j++) {
                change += Math.abs(next[j] - v[j]);
            }
            v = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < dim; j++) {
            largest = Math.abs(v[j]) > Math.abs(v[largest]) ? j : largest;
        }
        if (v[largest] < 0) {
            for (int j = 0; j < dim; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /** Removes the component along unit vector {@code v}: {@code m - lambda v v^T}. */
    private static void deflate(double[][] m, double[] v) {
        int dim = m.length;
        double lambda = 0;
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                lambda += v[a] * m[a][b] * v[b];
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                m[a][b] -= lambda * v[a] * v[b];
            }
        }
    }

    /** Scales {@code v} to unit length in place; returns its former length. */
    private static double normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
        return norm;
    }
}
