package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts what the suite checked, per backend and dtype, records the worst differences it saw per backend, dtype,
 * check and operation class (the measurements behind {@link ToleranceTable}), and renders a summary with the
 * overrides in force.
 */
public final class ConformanceReport {
    private final Map<String, Map<Check, Integer>> counts = new TreeMap<>();
    private final Map<String, Set<String>> ops = new TreeMap<>();
    private final Map<String, Worst> worst = new TreeMap<>();

    /** The worst differences under one key, and the cases that showed the worst relative and tolerance-relative ones. */
    private record Worst(Discrepancy d, String relAt, String usedAt) {
        Worst with(Discrepancy o, String at) {
            return new Worst(d.max(o), o.maxRel() > d.maxRel() ? at : relAt, o.used() > d.used() ? at : usedAt);
        }
    }

    /** Records one passed check. */
    public synchronized void passed(String backend, DType dtype, String op, Check check) {
        String key = backend + " " + dtype;
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(check, 1, Integer::sum);
        ops.computeIfAbsent(key, k -> new TreeSet<>()).add(op);
    }

    /** Records how close one passed comparison of {@code what} (an op and sample, a model term) came. */
    public synchronized void observed(String backend, DType dtype, Check check, OpClass opClass, String what, Discrepancy d) {
        String key = String.format("%-6s %s %-9s %s", backend, dtype, check, opClass);
        worst.merge(key, new Worst(d, what, what), (a, b) -> a.with(d, what));
    }

    /** The backends that passed at least one check. */
    public synchronized Set<String> backends() {
        Set<String> names = new TreeSet<>();
        counts.keySet().forEach(k -> names.add(k.substring(0, k.indexOf(' '))));
        return names;
    }

    /** A human-readable summary. */
    public synchronized String render(ToleranceTable table) {
        StringBuilder sb = new StringBuilder("Conformance summary (oracle: pure F64)\n");
        sb.append(String.format("%-14s %6s %8s %9s %10s %8s %7s%n", "backend dtype", "ops", "forward", "gradient", "gradcheck", "pytorch",
                "errors"));
        counts.forEach((key, byCheck) -> sb.append(String.format("%-14s %6d %8d %9d %10d %8d %7d%n", key, ops.get(key).size(),
                byCheck.getOrDefault(Check.FORWARD, 0), byCheck.getOrDefault(Check.GRADIENT, 0),
                byCheck.getOrDefault(Check.GRADCHECK, 0), byCheck.getOrDefault(Check.PYTORCH, 0),
                byCheck.getOrDefault(Check.ERROR, 0))));
        if (!worst.isEmpty()) {
            sb.append("Worst differences seen (max |a-e|, max |a-e|/|e|, share of the tolerance used; where)\n");
            worst.forEach((key, w) -> sb.append(String.format("  %-34s abs %9.2e  rel %9.2e (%s)  used %8.2e (%s)%n", key,
                    w.d().maxAbs(), w.d().maxRel(), w.relAt(), w.d().used(), w.usedAt())));
        }
        sb.append("Tolerance overrides in force: ").append(table.overrides().isEmpty() ? "none" : "").append('\n');
        for (ToleranceOverride o : table.overrides()) {
            sb.append(String.format("  %s on %s %s (%s): %s, because %s%n", o.op(), o.backend(), o.dtype(), o.check(),
                    o.tolerance(), o.reason()));
        }
        return sb.toString();
    }

    /** Writes {@link #render} to {@code file}. */
    public void write(Path file, ToleranceTable table) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(table));
    }
}
