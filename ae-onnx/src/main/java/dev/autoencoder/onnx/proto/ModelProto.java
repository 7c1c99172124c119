package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX's {@code ModelProto}: the file format's top-level message, a graph of the default operator set at one
 * version, who produced it, and free key-value metadata ({@code metadata_props}).
 *
 * @param irVersion       the version of the ONNX format (IR) the file follows
 * @param opsetVersion    the version of the default ({@code ai.onnx}) operator set
 * @param producerName    the tool that wrote it
 * @param producerVersion that tool's version
 * @param docString       what the model computes, in words
 * @param graph           the graph
 * @param metadata        the {@code metadata_props}, in order
 */
public record ModelProto(long irVersion, long opsetVersion, String producerName, String producerVersion, String docString,
        GraphProto graph, Map<String, String> metadata) implements Message {
    public ModelProto {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeInt64(1, irVersion);
        out.writeString(2, producerName);
        out.writeString(3, producerVersion);
        out.writeString(6, docString);
        Message.write(out, 7, graph);
        Message.write(out, 8, o -> {
            o.writeString(1, "");
            o.writeInt64(2, opsetVersion);
        });
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            Message.write(out, 14, o -> {
                o.writeString(1, entry.getKey());
                o.writeString(2, entry.getValue());
            });
        }
    }
}
