package dev.autoencoder.models.checkpoint;

import static dev.autoencoder.models.checkpoint.MalformedFiles.withHeader;
import static dev.autoencoder.models.checkpoint.MalformedFiles.withHeaderBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed file is rejected with one {@link CheckpointException} that names the file and the problem. */
class SafeTensorsMalformedTest {

    @TempDir
    Path dir;

    private static String tensor(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    /** A header with one entry {@code w} of the given parts. */
    private static String one(String dtype, String shape, String offsets) {
        return "{" + tensor("w", dtype, shape, offsets) + "}";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> malformedFiles() {
        byte[] valid = withHeader(one("F32", "[2]", "[0,8]"), 8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        return Stream.of(
                Arguments.of("empty file", new byte[0], "file is empty; not a safetensors file"),
                Arguments.of("shorter than 8 bytes", new byte[] {1, 2, 3, 4, 5},
                        "file is 5 bytes long, too short for the 8-byte header length"),
                Arguments.of("header length 0", withHeaderBytes(0, ascii("{}      ")), "header length is 0"),
                Arguments.of("header length over the limit", withHeaderBytes(100_000_001L, ascii("{}      ")),
                        "header length 100000001 exceeds the limit of 100000000 bytes; not a safetensors file"),
                Arguments.of("header length as unsigned", withHeaderBytes(-1L, ascii("{}")),
                        "header length 18446744073709551615 exceeds the limit"),
                Arguments.of("header longer than the file", withHeaderBytes(64, ascii("{\"a\":1}")),
                        "header length 64 runs past the end of the 15-byte file"),
                Arguments.of("PNG image", png, "exceeds the limit of 100000000 bytes; not a safetensors file"),
                Arguments.of("text file", ascii("These are my notes, not a checkpoint.\n"),
                        "; not a safetensors file"),
                Arguments.of("random bytes", random, "; not a safetensors file"),
                Arguments.of("header not UTF-8", withHeaderBytes(8, new byte[] {'{', (byte) 0xc3, 0x28, '}', ' ', ' ',
                    ' ', ' '}), "header is not valid UTF-8; not a safetensors file"),
                Arguments.of("header blank", withHeaderBytes(8, ascii("        ")), "header is blank"),
                Arguments.of("header not JSON", withHeader("{not json}", 0), "header is not valid JSON ("),
                Arguments.of("header a JSON array", withHeader("[1,2]", 0), "header is JSON but not an object"),
                Arguments.of("header with trailing content", withHeader("{} {}", 0),
                        "header has content after its JSON object"),
                Arguments.of("entry not an object", withHeader("{\"w\":3}", 0),
                        "header entry of tensor 'w' must be an object with dtype, shape and data_offsets, but is 3"),
                Arguments.of("missing dtype", withHeader("{\"w\":{\"shape\":[],\"data_offsets\":[0,4]}}", 4),
                        "tensor 'w' has no dtype"),
                Arguments.of("dtype not a string", withHeader(one("F32", "[]", "[0,4]").replace("\"F32\"", "32"), 4),
                        "tensor 'w' has a dtype that is not a string: 32"),
                Arguments.of("unknown dtype", withHeader(one("Q7", "[2]", "[0,8]"), 8),
                        "unknown dtype \"Q7\" for tensor 'w' (not a safetensors dtype)"),
                Arguments.of("unsupported dtype", withHeader("{" + tensor("x", "F16", "[2]", "[0,4]") + "}", 4),
                        "unsupported dtype F16 for tensor 'x' (only F32 and F64 are supported)"),
                Arguments.of("unsupported integer dtype", withHeader(one("I64", "[1]", "[0,8]"), 8),
                        "unsupported dtype I64 for tensor 'w'"),
                Arguments.of("shape missing", withHeader("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4),
                        "tensor 'w' has no shape"),
                Arguments.of("negative dimension", withHeader(one("F32", "[-2,1]", "[0,8]"), 8),
                        "tensor 'w' has shape [-2,1] with the negative dimension -2"),
                Arguments.of("fractional dimension", withHeader(one("F32", "[2.5]", "[0,8]"), 8),
                        "tensor 'w' has shape [2.5] whose entry 2.5 is not an integer"),
                Arguments.of("string dimension", withHeader(one("F32", "[\"2\"]", "[0,8]"), 8),
                        "whose entry \"2\" is not an integer"),
                Arguments.of("dimension beyond int", withHeader(one("F32", "[4294967296]", "[0,8]"), 8),
                        "with the dimension 4294967296, larger than 2147483647"),
                Arguments.of("element count overflow", withHeader(one("F32", "[65536,65536,65536,65536,65536]",
                        "[0,8]"), 8), "with more than 2147483647 elements"),
                Arguments.of("offsets missing", withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8),
                        "tensor 'w' must have data_offsets of two non-negative integers [begin, end], but has none"),
                Arguments.of("offsets one integer", withHeader(one("F32", "[2]", "[8]"), 8),
                        "tensor 'w' must have data_offsets of two non-negative integers [begin, end], but has [8]"),
                Arguments.of("offsets strings", withHeader(one("F32", "[2]", "[\"0\",\"8\"]"), 8),
                        "but has [\"0\",\"8\"]"),
                Arguments.of("offsets negative", withHeader(one("F32", "[2]", "[-8,0]"), 8), "but has [-8,0]"),
                Arguments.of("offsets fractional", withHeader(one("F32", "[2]", "[0,8.0]"), 8), "but has [0,8.0]"),
                Arguments.of("begin after end", withHeader(one("F32", "[2]", "[8,0]"), 8),
                        "tensor 'w' has data_offsets [8, 0] that end before they begin"),
                Arguments.of("end beyond the data", withHeader(one("F32", "[2]", "[0,8]"), 4),
                        "tensor 'w' has data_offsets [0, 8] that reach past the end of the data, which holds 4 bytes"),
                Arguments.of("size not matching the shape", withHeader("{" + tensor("encoder.0.weight", "F32",
                        "[512,784]", "[0,1000]") + "}", 1000), "tensor 'encoder.0.weight' declares shape [512, 784] "
                        + "(1605632 bytes as F32) but data_offsets cover 1000 bytes"),
                Arguments.of("overlapping tensors", withHeader("{" + tensor("a", "F32", "[2]", "[0,8]") + ","
                        + tensor("b", "F32", "[2]", "[4,12]") + "}", 12),
                        "tensor 'b' (data_offsets [4, 12]) overlaps tensor 'a' (data_offsets [0, 8])"),
                Arguments.of("gap between tensors", withHeader("{" + tensor("a", "F32", "[2]", "[0,8]") + ","
                        + tensor("b", "F32", "[2]", "[12,20]") + "}", 20),
                        "bytes [8, 12) of the data belong to no tensor (a gap before tensor 'b')"),
                Arguments.of("gap at the start", withHeader(one("F32", "[1]", "[4,8]"), 8),
                        "bytes [0, 4) of the data belong to no tensor"),
                Arguments.of("trailing bytes", withHeader(one("F32", "[2]", "[0,8]"), 12),
                        "the last 4 bytes of the data, [8, 12), belong to no tensor"),
                Arguments.of("truncated file", Arrays.copyOf(valid, valid.length - 3),
                        "that reach past the end of the data, which holds 5 bytes after the header "
                                + "(is the file truncated?)"),
                Arguments.of("metadata not an object", withHeader("{\"__metadata__\":[\"a\"]}", 0),
                        "__metadata__ must be an object of strings, but is [\"a\"]"),
                Arguments.of("metadata value not a string", withHeader("{\"__metadata__\":{\"epoch\":3}}", 0),
                        "__metadata__ entry 'epoch' must be a string, but is 3"),
                Arguments.of("metadata value null", withHeader("{\"__metadata__\":{\"epoch\":null}}", 0),
                        "__metadata__ entry 'epoch' must be a string, but is null"),
                Arguments.of("duplicate tensor", withHeader("{" + tensor("w", "F32", "[1]", "[0,4]") + ","
                        + tensor("w", "F32", "[1]", "[4,8]") + "}", 8), "header has two entries named 'w'"),
                Arguments.of("duplicate metadata", withHeader("{\"__metadata__\":{},\"__metadata__\":{}}", 0),
                        "header has two entries named '__metadata__'"),
                Arguments.of("duplicate key inside an entry", withHeader(
                        "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                        "header entry 'w' has the key 'dtype' twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void rejectsWithOneExceptionNamingFileAndProblem(String name, byte[] content, String problem) throws IOException {
        Path file = dir.resolve(name.replace(' ', '-') + ".safetensors");
        Files.write(file, content);
        assertRejected(file, problem);
    }

    @Test
    void rejectsADirectory() {
        assertRejected(dir, "is a directory, not a safetensors file");
    }

    @Test
    void rejectsAMissingFile() {
        assertRejected(dir.resolve("missing.safetensors"), "no such file");
    }

    @Test
    void aRejectedFileIsNotAllocatedFor() throws IOException {
        // declares 2^31-1 floats (8 GiB) but holds 4 bytes: validated before anything is allocated
        Path file = dir.resolve("huge.safetensors");
        Files.write(file, withHeader(one("F32", "[2147483647]", "[0,8589934588]"), 4));
        assertRejected(file, "reach past the end of the data, which holds 4 bytes");
    }

    @Test
    void writtenFilesAreAcceptedSoTheCorpusIsMeaningful() throws IOException {
        Path file = dir.resolve("valid.safetensors");
        Files.write(file, withHeader(one("F32", "[2]", "[0,8]"), 8));
        assertEquals(Shape.of(2), SafeTensors.read(file).tensors().get("w").shape());
        SafeTensors.write(file, Map.of("w", HostTensor.ofFloats(Shape.of(2), new float[2])), Map.of());
        assertEquals(Shape.of(2), SafeTensors.read(file).tensors().get("w").shape());
    }

    private static void assertRejected(Path file, String problem) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
    }
}
