package dev.autoencoder.models.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoencoder.api.DType;
import dev.autoencoder.data.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes checkpoints in the safetensors format exactly as the Hugging Face library does: an 8-byte
 * little-endian unsigned header length {@code N}, {@code N} bytes of compact UTF-8 JSON padded with spaces so that
 * {@code 8 + N} is a multiple of 8, then the tensors' little-endian bytes, contiguous and in header order. The
 * header maps each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to
 * the first byte after the header) and holds string metadata under {@code "__metadata__"}.
 *
 * <p>Only F32 and F64 tensors are supported, the dtypes of the framework. Writes are atomic; reads validate the
 * whole header against the file's size before allocating any tensor.
 */
public final class SafeTensors {

    /** Largest header the reference implementation accepts (its {@code MAX_HEADER_SIZE}); readers reject more. */
    static final int MAX_HEADER_BYTES = 100_000_000;

    /** The header key holding the string metadata; no tensor may be named so. */
    static final String METADATA_KEY = "__metadata__";

    /** Bytes moved between arrays and the file at a time; a multiple of every element size. */
    static final int CHUNK_BYTES = 1 << 16;

    /** Jackson with default strict JSON, and strings allowed up to the header limit (the default is 20 MB). */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_HEADER_BYTES).build())
                    .build())
            .build();

    private SafeTensors() {
    }

    /**
     * Writes {@code tensors} (in the map's iteration order) and {@code metadata} to {@code file} atomically: the
     * content goes to a temporary file in the same folder, is forced to disk, and then replaces {@code file} in a
     * single rename (see {@link AtomicFiles}), so a crash or failure never leaves a half-written checkpoint, and on failure an existing
     * {@code file} is untouched and no temporary file remains. An empty {@code metadata} writes no
     * {@code __metadata__} entry, as the reference does without metadata.
     *
     * @throws IllegalArgumentException if a name or value is null or a tensor is named {@code __metadata__}
     * @throws CheckpointException      if the file cannot be written
     */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        List<Map.Entry<String, HostTensor>> entries = new ArrayList<>(tensors.size());
        for (Map.Entry<String, HostTensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw new IllegalArgumentException("a tensor name is null");
            }
            if (name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException(
                        "no tensor may be named " + METADATA_KEY + ": the header reserves that key for metadata");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("tensor '" + name + "' is null");
            }
            entries.add(Map.entry(name, entry.getValue()));
        }
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("metadata holds a null key or value (key " + key + ")");
            }
        });
        byte[] header = header(file, entries, metadata);
        writeAtomically(file, out -> {
            writeFully(out, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(header.length).flip());
            writeFully(out, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, HostTensor> entry : entries) {
                writeData(out, entry.getValue(), chunk);
            }
        });
    }

    /**
     * Reads a safetensors file completely. The header is validated against the format and the file's size before
     * any tensor is allocated, so a damaged, truncated or foreign file (an image, a text file) fails with one
     * {@link CheckpointException} that names the file and the problem, never with an out-of-memory error.
     * Tensors come in the order of their data in the file.
     *
     * @throws CheckpointException if the file is missing, unreadable, not a safetensors file, malformed, or holds a
     *                             dtype other than F32 and F64
     */
    public static Checkpoint read(Path file) {
        return SafeTensorsReader.read(Objects.requireNonNull(file, "file"));
    }

    /** The safetensors name of a dtype. */
    static String dtypeName(DType dtype) {
        return switch (dtype) {
            case F32 -> "F32";
            case F64 -> "F64";
        };
    }

    /** The compact JSON header, padded with spaces to a multiple of 8 bytes. */
    private static byte[] header(Path file, List<Map.Entry<String, HostTensor>> entries, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> entry : entries) {
            HostTensor tensor = entry.getValue();
            ObjectNode info = root.putObject(entry.getKey());
            info.put("dtype", dtypeName(tensor.dtype()));
            ArrayNode shape = info.putArray("shape");
            for (int dim : tensor.shape().dims()) {
                shape.add(dim);
            }
            long end = offset + tensor.byteSize();
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, "its header could not be encoded as JSON: " + e.getOriginalMessage(), e);
        }
        int padded = (json.length + 7) / 8 * 8;
        if (padded > MAX_HEADER_BYTES) {
            throw new CheckpointException(file, "its header would be " + padded + " bytes, more than the "
                    + MAX_HEADER_BYTES + " that safetensors readers accept");
        }
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    /** Writes a tensor's elements little-endian through {@code chunk}. */
    private static void writeData(FileChannel out, HostTensor tensor, ByteBuffer chunk) throws IOException {
        int size = tensor.size();
        int perChunk = CHUNK_BYTES / tensor.dtype().byteSize();
        for (int done = 0; done < size; ) {
            int take = Math.min(perChunk, size - done);
            chunk.clear();
            if (tensor.dtype() == DType.F32) {
                chunk.asFloatBuffer().put(tensor.floatData(), done, take);
            } else {
                chunk.asDoubleBuffer().put(tensor.doubleData(), done, take);
            }
            chunk.limit(take * tensor.dtype().byteSize());
            writeFully(out, chunk);
            done += take;
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /**
     * Replaces {@code file} by the content {@code content} writes, atomically, through {@link AtomicFiles} (temporary
     * file, forced to disk, renamed over {@code file}, folder forced). If anything fails, an existing {@code file}
     * stays as it was, no temporary file remains, and the failure propagates (I/O errors as
     * {@link CheckpointException}).
     */
    static void writeAtomically(Path file, AtomicFiles.ChannelWriter content) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new CheckpointException(file, "is a directory; a checkpoint cannot be written over it");
        }
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(file, "cannot be written: folder " + folder + " does not exist");
        }
        try {
            AtomicFiles.replace(target, content);
        } catch (IOException e) {
            throw new CheckpointException(file, "could not be written: " + e, e);
        }
    }
}
