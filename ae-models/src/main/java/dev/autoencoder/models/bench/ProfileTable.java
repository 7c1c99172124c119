package dev.autoencoder.models.bench;

import dev.autoencoder.api.profile.OpProfile;
import dev.autoencoder.api.profile.OpStats;
import java.util.Locale;

/** A profile as a table per training step: each primitive's calls, milliseconds, share of the time and GFLOP/s. */
final class ProfileTable {
    private ProfileTable() {
    }

    /**
     * The table of {@code profile}, recorded over {@code steps} steps that took {@code stepMillis} each.
     *
     * @param title what was profiled, the first line
     */
    static String render(String title, OpProfile profile, long steps, double stepMillis) {
        double inside = profile.totalNanos() / 1e6 / steps;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d steps, %.1f ms per step, %.1f ms (%.0f%%) inside primitives%n", title, steps, stepMillis, inside,
                100 * inside / stepMillis));
        out.append(String.format(Locale.ROOT, "  %-18s %10s %10s %7s %9s%n", "primitive", "calls/step", "ms/step", "share",
                "GFLOP/s"));
        for (OpStats s : profile.byTime()) {
            double millis = s.nanos() / 1e6 / steps;
            out.append(String.format(Locale.ROOT, "  %-18s %10.1f %10.2f %6.1f%% %9s%n", s.op(), s.calls() / (double) steps,
                    millis, 100 * millis / stepMillis, s.flops() == 0 ? "" : String.format(Locale.ROOT, "%.1f",
                            s.gflopsPerSecond())));
        }
        return out.toString();
    }
}
