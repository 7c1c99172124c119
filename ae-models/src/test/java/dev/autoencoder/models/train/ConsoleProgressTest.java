package dev.autoencoder.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void progressLinesFormatTermsAndDurations() {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("reconstruction", 30.0);
        terms.put("kl", 2.0);
        terms.put("total", 32.0);
        assertEquals("reconstruction 30.00  kl 2.000  total 32.00", ConsoleProgress.terms(terms));
        assertEquals("loss 0.5000", ConsoleProgress.terms(Map.of("reconstruction", 0.5, "total", 0.5)));
        assertEquals("42s", ConsoleProgress.duration(42.2));
        assertEquals("3m05s", ConsoleProgress.duration(185));
        assertEquals("1h02m", ConsoleProgress.duration(3725));
        assertEquals("?", ConsoleProgress.duration(Double.POSITIVE_INFINITY));
    }
}
