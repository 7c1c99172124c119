package dev.autoencoder.spark.score;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.spark.input.FeatureColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition on an executor: rows are read in batches of the options' size, each batch goes through the
 * library's {@link Inference} with the executor's cached model, and every input row comes back with its score, flag,
 * embedding and (optionally) per-feature errors appended. Rows stream through: one batch is held at a time.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<CheckpointBytes> checkpoint;
    private final FeatureColumn features;
    private final int featureIndex;
    private final ScoringOptions options;
    private final Threshold threshold;

    /** @param threshold scores above it are flagged; null leaves the flag null */
    PartitionScorer(Broadcast<CheckpointBytes> checkpoint, FeatureColumn features, int featureIndex, ScoringOptions options,
            Threshold threshold) {
        this.checkpoint = checkpoint;
        this.features = features;
        this.featureIndex = featureIndex;
        this.options = options;
        this.threshold = threshold;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Autoencoder model = ExecutorModels.model(checkpoint.value(), options.backend());
        Inference inference = new Inference(ExecutorModels.backend(options.backend()), model, options.batchSize());
        int[] shape = model.spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        TaskContext task = TaskContext.get();
        long partition = task == null ? 0 : task.partitionId();
        return new Iterator<>() {
            private Iterator<Row> batch = List.<Row>of().iterator();
            private long batches;

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && rows.hasNext()) {
                    batch = score(inference, shape, take(rows), options.seed() + 0x9E3779B97F4A7C15L * partition + batches++);
                }
                return batch.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
    }

    private List<Row> take(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>(options.batchSize());
        while (rows.hasNext() && out.size() < options.batchSize()) {
            out.add(rows.next());
        }
        return out;
    }

    private Iterator<Row> score(Inference inference, int[] shape, List<Row> rows, long seed) {
        int n = rows.size();
        int len = features.length();
        float[] x = new float[n * len];
        for (int i = 0; i < n; i++) {
            features.copy(rows.get(i), featureIndex, x, i * len);
        }
        Dataset samples = Dataset.unlabeled(features.name(), x, shape);
        float[] scores = inference.scores(samples, options.score(), seed);
        float[] codes = inference.encode(samples);
        float[] recon = options.perFeatureErrors() ? inference.reconstruct(samples) : null;
        int latent = codes.length / n;
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            Object[] values = new Object[row.length() + (recon == null ? 3 : 4)];
            for (int c = 0; c < row.length(); c++) {
                values[c] = row.get(c);
            }
            int c = row.length();
            values[c] = (double) scores[i];
            values[c + 1] = threshold == null ? null : threshold.flags(scores[i]);
            values[c + 2] = boxed(codes, i * latent, latent);
            if (recon != null) {
                Float[] errors = new Float[len];
                for (int j = 0; j < len; j++) {
                    float d = x[i * len + j] - recon[i * len + j];
                    errors[j] = d * d;
                }
                values[c + 3] = errors;
            }
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }

    private static Float[] boxed(float[] values, int from, int count) {
        Float[] out = new Float[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[from + i];
        }
        return out;
    }
}
