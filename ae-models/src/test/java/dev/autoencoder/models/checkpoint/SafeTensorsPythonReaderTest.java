package dev.autoencoder.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our files read correctly with an independent reader written from the format's definition in Python's standard
 * library ({@code read_safetensors.py}: struct and json only). Skipped where no {@code python3} runs.
 */
class SafeTensorsPythonReaderTest {

    @TempDir
    Path dir;

    @Test
    void anIndependentPythonReaderReadsOurFiles() throws Exception {
        Map<String, HostTensor> tensors = SafeTensorsRoundTripTest.mixedTensors();
        // an odd number of floats before a double: offsets need no alignment
        tensors.put("odd", HostTensor.ofFloats(Shape.of(3), new float[] {0.1f, 0.2f, 0.3f}));
        tensors.put("after.odd", HostTensor.ofDoubles(Shape.of(2), new double[] {1e-310, 6.02e23}));
        Map<String, String> metadata = SafeTensorsRoundTripTest.unicodeMetadata();
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, tensors, metadata);

        JsonNode parsed = new ObjectMapper().readTree(runReader(file));

        long headerLength = parsed.get("header_length").longValue();
        assertEquals(0, (8 + headerLength) % 8);
        Map<String, String> readMetadata = new LinkedHashMap<>();
        parsed.get("metadata").properties().forEach(f -> readMetadata.put(f.getKey(), f.getValue().textValue()));
        assertEquals(metadata, readMetadata);

        List<String> names = new ArrayList<>();
        long offset = 0;
        for (JsonNode t : parsed.get("tensors")) {
            String name = t.get("name").textValue();
            names.add(name);
            HostTensor expected = tensors.get(name);
            assertEquals(SafeTensors.dtypeName(expected.dtype()), t.get("dtype").textValue(), name);
            List<Integer> shape = new ArrayList<>();
            t.get("shape").forEach(d -> shape.add(d.intValue()));
            assertEquals(expected.shape(), Shape.of(shape.stream().mapToInt(Integer::intValue).toArray()), name);
            assertEquals(offset, t.get("data_offsets").get(0).longValue(), name);
            offset += expected.byteSize();
            assertEquals(offset, t.get("data_offsets").get(1).longValue(), name);
            JsonNode bits = t.get("bits");
            assertEquals(expected.size(), bits.size(), name);
            for (int i = 0; i < expected.size(); i++) {
                long actual = bits.get(i).bigIntegerValue().longValue();
                long wanted = expected.dtype() == DType.F32
                        ? Integer.toUnsignedLong(Float.floatToRawIntBits(expected.toFloats()[i]))
                        : Double.doubleToRawLongBits(expected.toDoubles()[i]);
                assertEquals(wanted, actual, name + "[" + i + "]");
            }
        }
        assertEquals(List.copyOf(tensors.keySet()), names);
    }

    private String runReader(Path file) throws IOException, InterruptedException {
        Path script = dir.resolve("read_safetensors.py");
        try (InputStream in = getClass().getResourceAsStream("read_safetensors.py")) {
            Files.copy(in, script);
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            return Assumptions.abort("python3 is not available: " + e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("python reader did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), "python reader failed; output: " + output);
        return output;
    }
}
