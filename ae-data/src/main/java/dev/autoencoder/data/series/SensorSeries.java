package dev.autoencoder.data.series;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded, synthetic multivariate sensor series with injected anomalies and a label per step (1 inside an anomaly,
 * else 0): for tests and for measuring how well a model finds anomalies, where no labelled real series is at hand.
 *
 * <p>Each channel {@code c} is a level {@code b_c}, a sine of period {@code p_c} (24 to 64 steps) and amplitude
 * {@code a_c} (0.5 to 1), its second harmonic at 0.3 {@code a_c}, a slow sine of period 400 steps shared by every
 * channel with a weight per channel (so channels are correlated), and Gaussian noise of standard deviation 0.05. The
 * first {@link Settings#normalSteps()} steps are left normal (to train on); the rest is cut into one slot per anomaly,
 * and each slot gets one anomaly on one channel at a random place inside it. Kinds take turns (spike, level shift,
 * drift, frequency change, spike, ...), so every kind appears once there are four anomalies:
 * <ul>
 *   <li>{@link Kind#SPIKE}: 1 to 3 steps raised or lowered by 3 to 5 {@code a_c};</li>
 *   <li>{@link Kind#LEVEL_SHIFT}: the level moved by 0.8 to 1.2 {@code a_c};</li>
 *   <li>{@link Kind#DRIFT}: a ramp from 0 to 1 to 1.5 {@code a_c}, up or down;</li>
 *   <li>{@link Kind#FREQUENCY_CHANGE}: the main sine 2.5 to 3.5 times faster.</li>
 * </ul>
 * Level shifts, drifts and frequency changes last 40 to 120 steps, at most half a slot. The normal signal is drawn from
 * its own stream of the seed, so a series with anomalies equals the one without outside the anomalies' spans.
 */
public final class SensorSeries {
    /** The period of the slow component shared by all channels, in steps. */
    private static final double SHARED_PERIOD = 400;
    private static final double NOISE = 0.05;

    /** The kinds of injected anomaly. */
    public enum Kind {
        SPIKE, LEVEL_SHIFT, DRIFT, FREQUENCY_CHANGE
    }

    /**
     * One injected anomaly.
     *
     * @param kind    what was done
     * @param channel the channel it was done to
     * @param start   its first step
     * @param length  its steps
     */
    public record Anomaly(Kind kind, int channel, int start, int length) {
        /** The step after its last. */
        public int end() {
            return start + length;
        }
    }

    /**
     * What to generate.
     *
     * @param steps       steps of the series
     * @param channels    channels (sensors), at least 1
     * @param anomalies   anomalies to inject, at least 0
     * @param normalSteps the first steps, kept free of anomalies
     * @param seed        the seed of every draw
     */
    public record Settings(int steps, int channels, int anomalies, int normalSteps, long seed) {
        public Settings {
            if (steps < 1 || channels < 1 || anomalies < 0 || normalSteps < 0 || normalSteps > steps) {
                throw new IllegalArgumentException("a sensor series needs at least 1 step and 1 channel, at least 0 anomalies and 0 to " + steps
                        + " normal steps; got " + steps + " steps, " + channels + " channels, " + anomalies + " and " + normalSteps);
            }
            if (anomalies > 0 && (steps - normalSteps) / anomalies < 8) {
                throw new IllegalArgumentException("the " + (steps - normalSteps) + " steps after the normal ones leave fewer than 8 per "
                        + "anomaly for " + anomalies + " anomalies");
            }
        }
    }

    private final Settings settings;
    private final float[] values;
    private final int[] labels;
    private final List<Anomaly> anomalies;

    private SensorSeries(Settings settings, float[] values, int[] labels, List<Anomaly> anomalies) {
        this.settings = settings;
        this.values = values;
        this.labels = labels;
        this.anomalies = List.copyOf(anomalies);
    }

    /** The series {@code settings} describe; the same settings give the same series. */
    public static SensorSeries generate(Settings settings) {
        Rng root = new Rng(settings.seed());
        Channels normal = new Channels(root.split(), settings.steps(), settings.channels());
        Rng faults = root.split();
        int steps = settings.steps();
        int channels = settings.channels();
        float[] values = new float[Math.multiplyExact(steps, channels)];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < channels; c++) {
                values[t * channels + c] = (float) normal.value(t, c, 1);
            }
        }
        int[] labels = new int[steps];
        List<Anomaly> injected = new ArrayList<>();
        int slot = settings.anomalies() == 0 ? 0 : (steps - settings.normalSteps()) / settings.anomalies();
        for (int k = 0; k < settings.anomalies(); k++) {
            Kind kind = Kind.values()[k % Kind.values().length];
            int length = kind == Kind.SPIKE ? 1 + faults.nextInt(3) : between(faults, Math.min(40, slot / 2), Math.min(120, slot / 2));
            Anomaly anomaly = new Anomaly(kind, faults.nextInt(channels), settings.normalSteps() + k * slot
                    + faults.nextInt(slot - length + 1), length);
            inject(anomaly, normal, faults, values, channels);
            Arrays.fill(labels, anomaly.start(), anomaly.end(), 1);
            injected.add(anomaly);
        }
        return new SensorSeries(settings, values, labels, injected);
    }

    private static int between(Rng rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    private static void inject(Anomaly a, Channels normal, Rng faults, float[] values, int channels) {
        double amplitude = normal.amplitude[a.channel()];
        double sign = faults.nextDouble() < 0.5 ? -1 : 1;
        double size = switch (a.kind()) {
            case SPIKE -> 3 + 2 * faults.nextDouble();
            case LEVEL_SHIFT -> 0.8 + 0.4 * faults.nextDouble();
            case DRIFT -> 1 + 0.5 * faults.nextDouble();
            case FREQUENCY_CHANGE -> 2.5 + faults.nextDouble();
        };
        for (int t = a.start(); t < a.end(); t++) {
            int i = t * channels + a.channel();
            values[i] += (float) switch (a.kind()) {
                case SPIKE, LEVEL_SHIFT -> sign * size * amplitude;
                case DRIFT -> sign * size * amplitude * (t - a.start() + 1) / a.length();
                case FREQUENCY_CHANGE -> normal.value(t, a.channel(), size) - normal.value(t, a.channel(), 1);
            };
        }
    }

    /** What it was generated from. */
    public Settings settings() {
        return settings;
    }

    /** The values, step by step: {@code steps x channels}, row-major. */
    public float[] values() {
        return values.clone();
    }

    /** 1 for a step inside an anomaly, else 0. */
    public int[] labels() {
        return labels.clone();
    }

    /** The injected anomalies, in time order. */
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    /** The series as samples of shape {@code {channels}}, one per step, labelled 0 (normal) or 1 (anomaly). */
    public Dataset dataset(String name) {
        return new Dataset(name, values.clone(), new int[] {settings.channels()}, labels.clone(), List.of("normal", "anomaly"));
    }

    /**
     * Writes the series as CSV, atomically: a header {@code sensor0,...,label}, then one row per step.
     *
     * @return {@code file}
     * @throws dev.autoencoder.data.DataException when it cannot be written
     */
    public Path writeCsv(Path file) {
        int channels = settings.channels();
        return AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (int c = 0; c < channels; c++) {
                w.write("sensor" + c + ",");
            }
            w.write("label\n");
            for (int t = 0; t < labels.length; t++) {
                for (int c = 0; c < channels; c++) {
                    w.write(Float.toString(values[t * channels + c]));
                    w.write(',');
                }
                w.write(labels[t] + "\n");
            }
            w.flush();
        });
    }

    /** The normal signal's parameters per channel and its noise per step, drawn once. */
    private static final class Channels {
        private final int channels;
        private final double[] level;
        private final double[] amplitude;
        private final double[] period;
        private final double[] phase;
        private final double[] harmonicPhase;
        private final double[] sharedWeight;
        private final double sharedPhase;
        private final double[] noise;

        Channels(Rng rng, int steps, int channels) {
            this.channels = channels;
            level = rng.uniform(channels, -1, 1);
            amplitude = rng.uniform(channels, 0.5, 1);
            period = rng.uniform(channels, 24, 64);
            phase = rng.uniform(channels, 0, 2 * Math.PI);
            harmonicPhase = rng.uniform(channels, 0, 2 * Math.PI);
            sharedWeight = rng.uniform(channels, -0.5, 0.5);
            sharedPhase = 2 * Math.PI * rng.nextDouble();
            noise = rng.normal(Math.multiplyExact(steps, channels), 0, NOISE);
        }

        /** Channel {@code c} at step {@code t}, its main sine {@code speed} times as fast. */
        double value(int t, int c, double speed) {
            double main = amplitude[c] * Math.sin(2 * Math.PI * speed * t / period[c] + phase[c]);
            double harmonic = 0.3 * amplitude[c] * Math.sin(4 * Math.PI * t / period[c] + harmonicPhase[c]);
            double shared = sharedWeight[c] * Math.sin(2 * Math.PI * t / SHARED_PERIOD + sharedPhase);
            return level[c] + main + harmonic + shared + noise[t * channels + c];
        }
    }
}
