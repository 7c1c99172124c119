package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A protocol buffers message of the ONNX format that writes its own fields, under the field numbers of the ONNX
 * specification ({@code onnx.proto}, proto2: repeated numbers are written unpacked unless the specification packs
 * them). Nested messages are written length-delimited, as every protocol buffers reader expects.
 */
@FunctionalInterface
public interface Message {
    /** Writes this message's fields to {@code out}. */
    void writeTo(CodedOutputStream out) throws IOException;

    /** This message's wire form. */
    default byte[] toByteArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code message} as field {@code field} of the message being written to {@code out}. */
    static void write(CodedOutputStream out, int field, Message message) throws IOException {
        out.writeByteArray(field, message.toByteArray());
    }

    /** Writes every one of {@code messages} as the repeated field {@code field}. */
    static void writeAll(CodedOutputStream out, int field, List<? extends Message> messages) throws IOException {
        for (Message message : messages) {
            write(out, field, message);
        }
    }

    /** Writes every one of {@code values} as the repeated string field {@code field}. */
    static void writeStrings(CodedOutputStream out, int field, List<String> values) throws IOException {
        for (String value : values) {
            out.writeString(field, value);
        }
    }
}
