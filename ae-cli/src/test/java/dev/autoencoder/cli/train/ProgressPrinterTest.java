package dev.autoencoder.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    @Test
    void progressLinesFormatTermsAndDurations() {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("reconstruction", 30.0);
        terms.put("kl", 2.0);
        terms.put("total", 32.0);
        assertEquals("reconstruction 30.00  kl 2.000  total 32.00", ProgressPrinter.terms(terms));
        assertEquals("loss 0.5000", ProgressPrinter.terms(Map.of("reconstruction", 0.5, "total", 0.5)));
        assertEquals("42s", ProgressPrinter.duration(42.2));
        assertEquals("3m05s", ProgressPrinter.duration(185));
        assertEquals("1h02m", ProgressPrinter.duration(3725));
        assertEquals("?", ProgressPrinter.duration(Double.POSITIVE_INFINITY));
    }
}
