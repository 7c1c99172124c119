package dev.autoencoder.models.run;

import dev.autoencoder.models.optim.LrSchedule;
import java.util.Locale;

/**
 * A learning-rate schedule as a value a run stores: constant, step decay (PyTorch's {@code StepLR}) or cosine
 * annealing ({@code CosineAnnealingLR}), each after an optional linear warm-up.
 *
 * @param kind         the shape of the schedule
 * @param every        epochs between decays of a step schedule
 * @param gamma        the factor of each decay of a step schedule
 * @param period       epochs over which a cosine schedule anneals (fixed when the run starts, so resuming with more
 *                     epochs keeps the curve)
 * @param minLr        the rate a cosine schedule anneals to
 * @param warmupEpochs epochs of linear warm-up first (0 for none)
 */
public record Schedule(Kind kind, int every, double gamma, int period, double minLr, int warmupEpochs) {
    /** The shapes of schedule. */
    public enum Kind {
        CONSTANT, STEP, COSINE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Schedule {
        kind = kind == null ? Kind.CONSTANT : kind;
        if (kind == Kind.STEP && (every < 1 || !(gamma > 0 && gamma <= 1))) {
            throw new IllegalArgumentException("a step schedule decays every >= 1 epochs by a factor in (0, 1], got every " + every
                    + ", gamma " + gamma);
        }
        if (kind == Kind.COSINE && (period < 1 || !(minLr >= 0))) {
            throw new IllegalArgumentException("a cosine schedule anneals over >= 1 epochs to a rate >= 0, got " + period + " and " + minLr);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("the learning-rate warm-up must be at least 0 epochs, got " + warmupEpochs);
        }
    }

    /** The same rate throughout. */
    public static Schedule constant() {
        return new Schedule(Kind.CONSTANT, 0, 0, 0, 0, 0);
    }

    /**
     * The schedule {@code text} names: {@code constant}, {@code step:EVERY[:GAMMA]} (GAMMA 0.1 unless given) or
     * {@code cosine[:MIN_LR]} (MIN_LR 0 unless given; it anneals over {@code epochs}).
     *
     * @throws IllegalArgumentException naming {@code --lr-schedule} when the text is none of these
     */
    public static Schedule parse(String text, int epochs) {
        String[] parts = text.trim().split(":");
        try {
            Schedule shape = switch (parts[0]) {
                case "constant" -> parts.length == 1 ? constant() : null;
                case "step" -> parts.length <= 3 && parts.length >= 2 ? new Schedule(Kind.STEP, Integer.parseInt(parts[1]),
                        parts.length == 3 ? Double.parseDouble(parts[2]) : 0.1, 0, 0, 0) : null;
                case "cosine" -> parts.length <= 2 ? new Schedule(Kind.COSINE, 0, 0, epochs, parts.length == 2 ? Double.parseDouble(parts[1]) : 0,
                        0) : null;
                default -> null;
            };
            if (shape == null) {
                throw new IllegalArgumentException("--lr-schedule takes constant, step:EVERY[:GAMMA] or cosine[:MIN_LR], not '" + text + "'");
            }
            return shape;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lr-schedule '" + text + "' holds a value that is not a number", e);
        }
    }

    /** This schedule after {@code epochs} epochs of linear warm-up. */
    public Schedule withWarmup(int epochs) {
        return new Schedule(kind, every, gamma, period, minLr, epochs);
    }

    /** The rate of each epoch, starting from {@code lr}. */
    public LrSchedule of(double lr) {
        LrSchedule shape = switch (kind) {
            case CONSTANT -> LrSchedule.constant(lr);
            case STEP -> LrSchedule.step(lr, every, gamma);
            case COSINE -> LrSchedule.cosine(lr, period, minLr);
        };
        return warmupEpochs == 0 ? shape : shape.withWarmup(warmupEpochs);
    }
}
