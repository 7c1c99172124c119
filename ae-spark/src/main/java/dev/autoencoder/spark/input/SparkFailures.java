package dev.autoencoder.spark.input;

import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.train.TrainingDivergedException;
import java.util.function.Supplier;

/**
 * Runs a Spark action on the driver and gives back the library's own exception when a task failed with one. Spark
 * retries a failed task, then wraps its exception in a {@code SparkException} whose message repeats the executor's
 * stack trace, so the caller would otherwise find the one clear line only deep in the cause chain.
 */
public final class SparkFailures {
    private SparkFailures() {
    }

    /**
     * The value of {@code action}, or, when it failed, the first {@link IllegalArgumentException} (bad input among
     * them), {@link CheckpointException} or {@link TrainingDivergedException} in the failure's cause chain, rethrown
     * as the executor threw it; any other failure unchanged.
     */
    public static <T> T unwrapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // Scala code throws the checked SparkException without declaring it
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException || t instanceof CheckpointException || t instanceof TrainingDivergedException) {
                    throw (RuntimeException) t;
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }
}
