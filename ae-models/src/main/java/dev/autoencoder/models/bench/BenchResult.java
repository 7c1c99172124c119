package dev.autoencoder.models.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * One benchmark of one workload on one backend: the JSON line {@code ae bench} prints, with the fields of
 * WORKLOADS.md first.
 *
 * @param workload              the workload (a preset's name)
 * @param backend               the backend's name
 * @param threads               its compute threads
 * @param trainSamplesPerSecond median training throughput over the passes, warm-up excluded
 * @param inferSamplesPerSecond median forward-only throughput on the test data, batch 500
 * @param gflopsPerSecond       training FLOP rate: {@code trainMflopPerSample * trainSamplesPerSecond / 1000}
 * @param peakRssMb             the process's peak resident set size in MiB, or null where unknown
 * @param testLoss              the loss on the test data after training
 * @param epochs                passes over the whole training set (a fraction for a quick run)
 * @param trainMflopPerSample   MFLOPs of one training step per sample, counted by the profiling backend
 * @param timedSteps            training steps timed
 * @param quick                 whether this was a quick run
 */
@JsonPropertyOrder({"workload", "backend", "threads", "train_samples_per_s", "infer_samples_per_s", "gflops_per_s",
    "peak_rss_mb", "test_loss", "epochs", "train_mflop_per_sample", "timed_steps", "quick"})
public record BenchResult(
        String workload,
        String backend,
        int threads,
        @JsonProperty("train_samples_per_s") double trainSamplesPerSecond,
        @JsonProperty("infer_samples_per_s") double inferSamplesPerSecond,
        @JsonProperty("gflops_per_s") double gflopsPerSecond,
        @JsonProperty("peak_rss_mb") Double peakRssMb,
        @JsonProperty("test_loss") double testLoss,
        double epochs,
        @JsonProperty("train_mflop_per_sample") double trainMflopPerSample,
        @JsonProperty("timed_steps") long timedSteps,
        boolean quick) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** This result as one line of JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
