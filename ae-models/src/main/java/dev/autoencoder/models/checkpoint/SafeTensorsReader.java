package dev.autoencoder.models.checkpoint;

import static dev.autoencoder.models.checkpoint.SafeTensors.JSON;
import static dev.autoencoder.models.checkpoint.SafeTensors.MAX_HEADER_BYTES;
import static dev.autoencoder.models.checkpoint.SafeTensors.METADATA_KEY;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one safetensors file: checks the header length, parses and validates the whole header against the file's
 * size, and only then allocates and fills the tensors, reading the data region once, in file order. One instance
 * per read; it remembers the file to name it in every error.
 */
final class SafeTensorsReader {

    /** Every dtype the safetensors format defines, to tell an unsupported dtype from a misspelt one. */
    private static final Set<String> FORMAT_DTYPES = Set.of(
            "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F8_E4M3FNUZ", "F8_E5M2FNUZ", "I16", "U16", "F16",
            "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64", "F4", "F6_E2M3", "F6_E3M2");

    /** Longest JSON excerpt quoted in an error message. */
    private static final int EXCERPT = 60;

    private static final String FOREIGN = "; not a safetensors file";

    /** A validated header entry; {@code begin} and {@code end} are relative to the data region. */
    private record Entry(String name, DType dtype, Shape shape, long begin, long end) {
        String offsets() {
            return "[" + begin + ", " + end + "]";
        }
    }

    private final Path file;

    private SafeTensorsReader(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; see {@link SafeTensors#read}. */
    static Checkpoint read(Path file) {
        return new SafeTensorsReader(file).read();
    }

    private Checkpoint read() {
        if (Files.isDirectory(file)) {
            throw fail("is a directory, not a safetensors file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read: " + e, e);
        }
    }

    private Checkpoint read(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize == 0) {
            throw fail("file is empty" + FOREIGN);
        }
        if (fileSize < Long.BYTES) {
            throw fail("file is " + fileSize + " bytes long, too short for the 8-byte header length" + FOREIGN);
        }
        long headerLength = readFully(channel, 0, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength == 0) {
            throw fail("header length is 0" + FOREIGN);
        }
        if (Long.compareUnsigned(headerLength, MAX_HEADER_BYTES) > 0) {
            throw fail("header length " + Long.toUnsignedString(headerLength) + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes" + FOREIGN);
        }
        if (headerLength > fileSize - Long.BYTES) {
            throw fail("header length " + headerLength + " runs past the end of the " + fileSize
                    + "-byte file; it is truncated or not a safetensors file");
        }
        ObjectNode header = parse(readFully(channel, Long.BYTES, (int) headerLength));
        long dataStart = Long.BYTES + headerLength;
        long dataLength = fileSize - dataStart;

        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(field.getValue(), metadata);
            } else {
                entries.add(entry(field.getKey(), field.getValue(), dataLength));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkCoverage(entries, dataLength);

        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        ByteBuffer chunk = ByteBuffer.allocate(SafeTensors.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry entry : entries) {
            tensors.put(entry.name(), readTensor(channel, dataStart, entry, chunk));
        }
        return new Checkpoint(tensors, metadata);
    }

    // ------------------------------------------------------------------------------------------- header JSON

    /** The header as a JSON object, rejecting invalid UTF-8, invalid JSON, non-objects and duplicate keys. */
    private ObjectNode parse(ByteBuffer bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, "header is not valid UTF-8" + FOREIGN, e);
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw fail("header is " + (first == null ? "blank" : "JSON but not an object") + FOREIGN);
            }
            ObjectNode root = readObject(parser, null);
            if (parser.nextToken() != null) {
                throw fail("header has content after its JSON object" + FOREIGN);
            }
            return root;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException json
                    ? json.getOriginalMessage().replaceAll("\\s+", " ") + " at character "
                            + json.getLocation().getCharOffset()
                    : e.toString();
            throw new CheckpointException(file, "header is not valid JSON (" + detail + ")" + FOREIGN, e);
        }
    }

    /**
     * Reads the object whose start token is current, rejecting a key that appears twice in it; {@code owner} is
     * the top-level key the object belongs to, or null for the header itself.
     */
    private ObjectNode readObject(JsonParser parser, String owner) throws IOException {
        ObjectNode object = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode value = readValue(parser, owner == null ? key : owner);
            if (object.putIfAbsent(key, value) != null) {
                throw fail(owner == null
                        ? "header has two entries named '" + key + "'"
                        : "header entry '" + owner + "' has the key '" + key + "' twice");
            }
        }
        return object;
    }

    private JsonNode readValue(JsonParser parser, String owner) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, owner);
            case START_ARRAY -> {
                ArrayNode array = JSON.createArrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, owner));
                }
                yield array;
            }
            default -> JSON.readTree(parser);
        };
    }

    private void readMetadata(JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw fail(METADATA_KEY + " must be an object of strings, but is " + excerpt(node));
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw fail(METADATA_KEY + " entry '" + field.getKey() + "' must be a string, but is "
                        + excerpt(field.getValue()));
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    // ------------------------------------------------------------------------------------------- validation

    /** Validates one tensor's header entry on its own and against the size of the data region. */
    private Entry entry(String name, JsonNode node, long dataLength) {
        String tensor = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw fail("header entry of " + tensor + " must be an object with dtype, shape and data_offsets, but is "
                    + excerpt(node));
        }
        DType dtype = dtype(tensor, node.get("dtype"));

        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw fail(tensor + (shapeNode == null ? " has no shape" : " has a shape that is not an array: "
                    + excerpt(shapeNode)));
        }
        int[] dims = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode dim = shapeNode.get(i);
            if (!dim.isIntegralNumber()) {
                throw fail(tensor + " has shape " + excerpt(shapeNode) + " whose entry " + excerpt(dim)
                        + " is not an integer");
            }
            if (dim.bigIntegerValue().signum() < 0) {
                throw fail(tensor + " has shape " + excerpt(shapeNode) + " with the negative dimension " + dim);
            }
            if (!dim.canConvertToInt()) {
                throw fail(tensor + " has shape " + excerpt(shapeNode) + " with the dimension " + dim
                        + ", larger than " + Integer.MAX_VALUE);
            }
            dims[i] = dim.intValue();
            // saturates above the array limit, so that neither overflows nor a later 0 are missed
            count = Math.min(count * dims[i], Integer.MAX_VALUE + 1L);
        }
        if (count > Integer.MAX_VALUE) {
            throw fail(tensor + " has shape " + excerpt(shapeNode) + " with more than " + Integer.MAX_VALUE
                    + " elements, more than an array can hold");
        }
        Shape shape = Shape.of(dims);

        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !isOffset(offsets.get(0)) || !isOffset(offsets.get(1))) {
            throw fail(tensor + " must have data_offsets of two non-negative integers [begin, end], but "
                    + (offsets == null ? "has none" : "has " + excerpt(offsets)));
        }
        long begin = offsets.get(0).longValue();
        long end = offsets.get(1).longValue();
        Entry entry = new Entry(name, dtype, shape, begin, end);
        if (begin > end) {
            throw fail(tensor + " has data_offsets " + entry.offsets() + " that end before they begin");
        }
        if (end > dataLength) {
            throw fail(tensor + " has data_offsets " + entry.offsets() + " that reach past the end of the data, "
                    + "which holds " + dataLength + " bytes after the header (is the file truncated?)");
        }
        long bytes = count * dtype.byteSize();
        if (end - begin != bytes) {
            throw fail(tensor + " declares shape " + shape + " (" + bytes + " bytes as " + SafeTensors.dtypeName(dtype)
                    + ") but data_offsets cover " + (end - begin) + " bytes");
        }
        return entry;
    }

    private DType dtype(String tensor, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw fail(tensor + (node == null ? " has no dtype" : " has a dtype that is not a string: "
                    + excerpt(node)));
        }
        String name = node.textValue();
        return switch (name) {
            case "F32" -> DType.F32;
            case "F64" -> DType.F64;
            default -> throw fail(FORMAT_DTYPES.contains(name)
                    ? "unsupported dtype " + name + " for " + tensor + " (only F32 and F64 are supported)"
                    : "unknown dtype " + excerpt(node) + " for " + tensor + " (not a safetensors dtype)");
        };
    }

    private static boolean isOffset(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0;
    }

    /**
     * Checks that the tensors, sorted by offsets, cover the data region exactly: no overlap, no gap, nothing
     * after the last tensor (the reference rejects all three).
     */
    private void checkCoverage(List<Entry> sorted, long dataLength) {
        long covered = 0;
        Entry previous = null;
        for (Entry entry : sorted) {
            if (entry.begin() < covered) {
                throw fail("tensor '" + entry.name() + "' (data_offsets " + entry.offsets() + ") overlaps tensor '"
                        + previous.name() + "' (data_offsets " + previous.offsets() + ")");
            }
            if (entry.begin() > covered) {
                throw fail("bytes [" + covered + ", " + entry.begin() + ") of the data belong to no tensor "
                        + "(a gap before tensor '" + entry.name() + "')");
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered != dataLength) {
            throw fail("the last " + (dataLength - covered) + " bytes of the data, [" + covered + ", " + dataLength
                    + "), belong to no tensor");
        }
    }

    // ------------------------------------------------------------------------------------------- data

    private HostTensor readTensor(FileChannel channel, long dataStart, Entry entry, ByteBuffer chunk)
            throws IOException {
        int size = entry.shape().size();
        int elementBytes = entry.dtype().byteSize();
        int perChunk = chunk.capacity() / elementBytes;
        float[] floats = entry.dtype() == DType.F32 ? new float[size] : null;
        double[] doubles = entry.dtype() == DType.F64 ? new double[size] : null;
        long position = dataStart + entry.begin();
        for (int done = 0; done < size; ) {
            int take = Math.min(perChunk, size - done);
            chunk.clear().limit(take * elementBytes);
            fill(channel, position, chunk);
            chunk.flip();
            if (floats != null) {
                chunk.asFloatBuffer().get(floats, done, take);
            } else {
                chunk.asDoubleBuffer().get(doubles, done, take);
            }
            position += (long) take * elementBytes;
            done += take;
        }
        return floats != null ? HostTensor.wrapFloats(entry.shape(), floats)
                : HostTensor.wrapDoubles(entry.shape(), doubles);
    }

    private ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        fill(channel, position, buffer);
        return buffer.flip();
    }

    /** Fills {@code buffer}'s remaining space from {@code position}; the file may have shrunk since it was sized. */
    private void fill(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw fail("file ended at byte " + at + " while it was being read; it was truncated meanwhile");
            }
            at += n;
        }
    }

    // ------------------------------------------------------------------------------------------- errors

    private CheckpointException fail(String problem) {
        return new CheckpointException(file, problem);
    }

    private static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
