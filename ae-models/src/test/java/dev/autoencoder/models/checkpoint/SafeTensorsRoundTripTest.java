package dev.autoencoder.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsRoundTripTest {

    @TempDir
    Path dir;

    /** Asserts that two tensors have the same dtype, shape and bit-identical elements. */
    static void assertSameTensor(HostTensor expected, HostTensor actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertEquals(expected.shape(), actual.shape());
        double[] e = expected.toDoubles();
        double[] a = actual.toDoubles();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), "element " + i);
        }
        if (expected.dtype() == DType.F32) {
            float[] ef = expected.toFloats();
            float[] af = actual.toFloats();
            for (int i = 0; i < ef.length; i++) {
                assertEquals(Float.floatToRawIntBits(ef[i]), Float.floatToRawIntBits(af[i]), "element " + i);
            }
        }
    }

    static Map<String, HostTensor> mixedTensors() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("encoder.0.weight", HostTensor.ofFloats(Shape.of(2, 3), new float[] {1.5f, -2f, 0.25f, 3f, -0f,
            Float.MIN_VALUE}));
        tensors.put("encoder.0.bias", HostTensor.ofFloats(Shape.of(3), new float[] {Float.NaN,
            Float.intBitsToFloat(0x7fc0_1234), Float.NEGATIVE_INFINITY}));
        tensors.put("step", HostTensor.ofFloats(Shape.scalar(), new float[] {7f}));
        tensors.put("empty", HostTensor.ofFloats(Shape.of(0, 5), new float[0]));
        tensors.put("decoder.weight", HostTensor.ofDoubles(Shape.of(1, 1, 2, 2), new double[] {Math.PI,
            -Double.MAX_VALUE, Double.MIN_VALUE, Double.longBitsToDouble(0x7ff8_0000_dead_beefL)}));
        tensors.put("alpha", HostTensor.ofDoubles(Shape.scalar(), new double[] {-0.0}));
        tensors.put("nothing", HostTensor.ofDoubles(Shape.of(3, 0), new double[0]));
        return tensors;
    }

    static Map<String, String> unicodeMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("spec", "{\"family\":\"vae\",\"latent\":16}");
        metadata.put("données", "Ünïcödé ✓ 日本語 😀");
        metadata.put("escapes", "quote \" backslash \\ newline \n tab \t nul \u0000 end");
        metadata.put("", "empty key");
        return metadata;
    }

    @Test
    void roundTripsTensorsOfEveryShapeBitForBitInOrder() {
        Path file = dir.resolve("model.safetensors");
        Map<String, HostTensor> tensors = mixedTensors();
        SafeTensors.write(file, tensors, unicodeMetadata());

        Checkpoint read = SafeTensors.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(read.tensors().keySet()));
        tensors.forEach((name, tensor) -> assertSameTensor(tensor, read.tensors().get(name)));
        assertEquals(unicodeMetadata(), read.metadata());
        assertEquals(List.copyOf(unicodeMetadata().keySet()), List.copyOf(read.metadata().keySet()));
    }

    @Test
    void roundTripsTensorsLargerThanOneChunk() {
        Random random = new Random(7);
        float[] floats = new float[SafeTensors.CHUNK_BYTES / 4 * 3 + 11];
        double[] doubles = new double[SafeTensors.CHUNK_BYTES / 8 * 2 + 5];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = random.nextGaussian();
        }
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("f", HostTensor.ofFloats(Shape.of(floats.length), floats));
        tensors.put("d", HostTensor.ofDoubles(Shape.of(doubles.length), doubles));
        Path file = dir.resolve("big.safetensors");
        SafeTensors.write(file, tensors, Map.of());

        Checkpoint read = SafeTensors.read(file);
        assertArrayEquals(floats, read.tensors().get("f").toFloats());
        assertArrayEquals(doubles, read.tensors().get("d").toDoubles());
        assertTrue(read.metadata().isEmpty());
    }

    @Test
    void writesExactlyTheBytesOfTheFormat() throws IOException {
        Path file = dir.resolve("attn.safetensors");
        SafeTensors.write(file, Map.of("attn0", HostTensor.ofFloats(Shape.of(1, 1, 2, 3),
                new float[] {0f, 1f, 2f, 3f, 4f, 5f})), Map.of());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // header length 72 = 65 bytes of JSON + 7 spaces, so that 8 + 72 = 80 is a multiple of 8
        expected.write(new byte[] {72, 0, 0, 0, 0, 0, 0, 0});
        expected.write("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}"
                .getBytes(StandardCharsets.US_ASCII));
        expected.write("       ".getBytes(StandardCharsets.US_ASCII));
        expected.write(new byte[] {
            0, 0, 0, 0, // 0.0f
            0, 0, (byte) 0x80, 0x3f, // 1.0f = 0x3f800000
            0, 0, 0, 0x40, // 2.0f = 0x40000000
            0, 0, 0x40, 0x40, // 3.0f = 0x40400000
            0, 0, (byte) 0x80, 0x40, // 4.0f = 0x40800000
            0, 0, (byte) 0xa0, 0x40 // 5.0f = 0x40a00000
        });
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void writesMetadataFirstAndPadsWithSpaces() throws IOException {
        Path file = dir.resolve("meta.safetensors");
        SafeTensors.write(file, Map.of("w", HostTensor.ofDoubles(Shape.scalar(), new double[] {-2.5})),
                Map.of("format", "pt"));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // 84 bytes of JSON + 4 spaces = 88 = 0x58
        expected.write(new byte[] {0x58, 0, 0, 0, 0, 0, 0, 0});
        expected.write("{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}    "
                .getBytes(StandardCharsets.US_ASCII));
        expected.write(new byte[] {0, 0, 0, 0, 0, 0, 0x04, (byte) 0xc0}); // -2.5 = 0xc004000000000000
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void writesAnEmptyCheckpointAsTheReferenceDoes() throws IOException {
        Path file = dir.resolve("empty.safetensors");
        SafeTensors.write(file, Map.of(), Map.of());
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '},
                Files.readAllBytes(file));
        Checkpoint read = SafeTensors.read(file);
        assertTrue(read.tensors().isEmpty());
        assertTrue(read.metadata().isEmpty());
    }

    @Test
    void alignsTheDataToEightBytesWhateverTheNameLength() throws IOException {
        for (int length = 1; length <= 16; length++) {
            Path file = dir.resolve("align" + length + ".safetensors");
            SafeTensors.write(file, Map.of("x".repeat(length), HostTensor.ofFloats(Shape.of(1), new float[] {1f})),
                    Map.of());
            byte[] bytes = Files.readAllBytes(file);
            long headerLength = bytes[0] & 0xff;
            assertEquals(0, (8 + headerLength) % 8);
            assertEquals(8 + headerLength + 4, bytes.length);
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertTrue(header.stripTrailing().endsWith("}"), header);
            assertTrue(header.stripTrailing().length() > headerLength - 8, header);
        }
    }

    /**
     * A file written by the reference implementation (Python {@code safetensors} 0.8.0,
     * {@code safetensors.numpy.save}) of {@code decoder.weight} F32 [[1.5, -2, 0.25], [3, -0.0, 1e-3]],
     * {@code decoder.bias} F64 [0.5, -1.25], {@code step} F32 scalar 7, {@code empty} F32 [0, 4], with metadata
     * {@code format=np}. The reference sorts by dtype alignment, then name, and gives the empty tensor the same
     * begin offset as the one after it.
     */
    private static final String REFERENCE_FILE = "2001000000000000"
            + "7b225f5f6d657461646174615f5f223a7b22666f726d6174223a226e70227d2c226465636f6465722e62696173223a7b"
            + "226474797065223a22463634222c227368617065223a5b325d2c22646174615f6f666673657473223a5b302c31365d7d"
            + "2c226465636f6465722e776569676874223a7b226474797065223a22463332222c227368617065223a5b322c335d2c22"
            + "646174615f6f666673657473223a5b31362c34305d7d2c22656d707479223a7b226474797065223a22463332222c2273"
            + "68617065223a5b302c345d2c22646174615f6f666673657473223a5b34302c34305d7d2c2273746570223a7b22647479"
            + "7065223a22463332222c227368617065223a5b5d2c22646174615f6f666673657473223a5b34302c34345d7d7d202020"
            + "000000000000e03f000000000000f4bf0000c03f000000c00000803e00004040000000806f12833a0000e040";

    @Test
    void readsAFileWrittenByTheReferenceImplementation() throws IOException {
        Path file = dir.resolve("reference.safetensors");
        Files.write(file, HexFormat.of().parseHex(REFERENCE_FILE));

        Checkpoint read = SafeTensors.read(file);
        assertEquals(List.of("decoder.bias", "decoder.weight", "empty", "step"),
                List.copyOf(read.tensors().keySet()));
        assertEquals(Map.of("format", "np"), read.metadata());
        assertSameTensor(HostTensor.ofDoubles(Shape.of(2), new double[] {0.5, -1.25}),
                read.tensors().get("decoder.bias"));
        assertSameTensor(HostTensor.ofFloats(Shape.of(2, 3), new float[] {1.5f, -2f, 0.25f, 3f, -0f, 1e-3f}),
                read.tensors().get("decoder.weight"));
        assertSameTensor(HostTensor.ofFloats(Shape.of(0, 4), new float[0]), read.tensors().get("empty"));
        assertSameTensor(HostTensor.ofFloats(Shape.scalar(), new float[] {7f}), read.tensors().get("step"));
    }

    @Test
    void ordersTensorsByTheirDataNotByTheHeader() throws IOException {
        Path file = dir.resolve("order.safetensors");
        Files.write(file, MalformedFiles.withHeader("{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40}));
        Checkpoint read = SafeTensors.read(file);
        assertEquals(List.of("a", "b"), List.copyOf(read.tensors().keySet()));
        assertArrayEquals(new float[] {1f}, read.tensors().get("a").toFloats());
        assertArrayEquals(new float[] {2f}, read.tensors().get("b").toFloats());
    }

    @Test
    void replacesAnExistingFile() {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, mixedTensors(), Map.of("version", "1"));
        SafeTensors.write(file, Map.of("only", HostTensor.ofFloats(Shape.of(1), new float[] {3f})),
                Map.of("version", "2"));
        Checkpoint read = SafeTensors.read(file);
        assertEquals(List.of("only"), List.copyOf(read.tensors().keySet()));
        assertEquals(Map.of("version", "2"), read.metadata());
    }

    @Test
    void rejectsATensorNamedLikeTheMetadata() {
        Map<String, HostTensor> tensors = Map.of("__metadata__", HostTensor.ofFloats(Shape.of(1), new float[1]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(dir.resolve("x.safetensors"), tensors, Map.of()));
        assertTrue(e.getMessage().contains("__metadata__"), e.getMessage());
    }
}
