package dev.autoencoder.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.autoencoder.onnx.proto.ValueInfoProto.Dimension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The messages are written under the field numbers and wire types of the ONNX specification: read back with
 * protobuf-java's schema-less parser, every field is where {@code onnx.proto} puts it.
 */
class WireFormatTest {
    private static UnknownFieldSet parse(ByteString bytes) throws InvalidProtocolBufferException {
        return UnknownFieldSet.parseFrom(bytes);
    }

    private static UnknownFieldSet nested(UnknownFieldSet message, int field, int index) throws InvalidProtocolBufferException {
        return parse(message.getField(field).getLengthDelimitedList().get(index));
    }

    private static String string(UnknownFieldSet message, int field, int index) {
        return message.getField(field).getLengthDelimitedList().get(index).toStringUtf8();
    }

    @Test
    void aTensorHoldsItsDimsTypeNameAndLittleEndianRawData() throws InvalidProtocolBufferException {
        UnknownFieldSet t = UnknownFieldSet.parseFrom(TensorProto.floats("encoder.0.weight", new long[] {2, 3}, 1, 2, 3, 4, 5, -6.5f)
                .toByteArray());
        assertEquals(List.of(2L, 3L), t.getField(1).getVarintList());
        assertEquals(List.of((long) TensorProto.FLOAT), t.getField(2).getVarintList());
        assertEquals("encoder.0.weight", string(t, 8, 0));
        ByteBuffer raw = t.getField(9).getLengthDelimitedList().get(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(24, raw.remaining());
        assertEquals(-6.5f, raw.getFloat(20));
        UnknownFieldSet longs = UnknownFieldSet.parseFrom(TensorProto.int64s("shape", new long[] {2}, 0, -1).toByteArray());
        assertEquals(List.of((long) TensorProto.INT64), longs.getField(2).getVarintList());
        assertEquals(-1L, longs.getField(9).getLengthDelimitedList().get(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN)
                .getLong(8));
    }

    @Test
    void aNodeHoldsItsInputsOutputsNameOpAndAttributes() throws InvalidProtocolBufferException {
        NodeProto node = new NodeProto("decoder.2/ConvTranspose", "ConvTranspose", List.of("x", "w", "b"),
                List.of("decoder.2/ConvTranspose"), List.of(AttributeProto.ofInts("pads", 1, 1, 1, 1), AttributeProto.of("transB", 1L),
                        AttributeProto.of("alpha", 0.01f)));
        UnknownFieldSet n = UnknownFieldSet.parseFrom(node.toByteArray());
        assertEquals(3, n.getField(1).getLengthDelimitedList().size());
        assertEquals("b", string(n, 1, 2));
        assertEquals("decoder.2/ConvTranspose", string(n, 2, 0));
        assertEquals("decoder.2/ConvTranspose", string(n, 3, 0));
        assertEquals("ConvTranspose", string(n, 4, 0));
        UnknownFieldSet ints = nested(n, 5, 0);
        assertEquals("pads", string(ints, 1, 0));
        assertEquals(List.of(1L, 1L, 1L, 1L), ints.getField(8).getVarintList());
        assertEquals(List.of((long) AttributeProto.INTS), ints.getField(20).getVarintList());
        UnknownFieldSet one = nested(n, 5, 1);
        assertEquals(List.of(1L), one.getField(3).getVarintList());
        assertEquals(List.of((long) AttributeProto.INT), one.getField(20).getVarintList());
        UnknownFieldSet real = nested(n, 5, 2);
        assertEquals(List.of(Float.floatToRawIntBits(0.01f)), real.getField(2).getFixed32List());
        assertEquals(List.of((long) AttributeProto.FLOAT), real.getField(20).getVarintList());
    }

    @Test
    void aValueInfoHoldsATensorTypeWithADynamicBatchDimension() throws InvalidProtocolBufferException {
        ValueInfoProto info = new ValueInfoProto("x", TensorProto.FLOAT, List.of(Dimension.named("batch"), Dimension.of(64)));
        UnknownFieldSet v = UnknownFieldSet.parseFrom(info.toByteArray());
        assertEquals("x", string(v, 1, 0));
        UnknownFieldSet tensorType = nested(nested(v, 2, 0), 1, 0);
        assertEquals(List.of((long) TensorProto.FLOAT), tensorType.getField(1).getVarintList());
        UnknownFieldSet shape = nested(tensorType, 2, 0);
        assertEquals("batch", string(nested(shape, 1, 0), 2, 0));
        assertEquals(List.of(64L), nested(shape, 1, 1).getField(1).getVarintList());
    }

    @Test
    void aModelHoldsItsVersionsProducerGraphOpsetAndMetadata() throws InvalidProtocolBufferException {
        GraphProto graph = new GraphProto("g", List.of(new NodeProto("y/Relu", "Relu", List.of("x"), List.of("y/Relu"), List.of())),
                List.of(TensorProto.floats("c", new long[0], 1f)), List.of(new ValueInfoProto("x", 1, List.of())),
                List.of(new ValueInfoProto("y", 1, List.of())), "what it does");
        ModelProto model = new ModelProto(8, 17, "ae", "dev", "doc", graph, Map.of("ae.part", "encoder"));
        UnknownFieldSet m = UnknownFieldSet.parseFrom(model.toByteArray());
        assertEquals(List.of(8L), m.getField(1).getVarintList());
        assertEquals("ae", string(m, 2, 0));
        assertEquals("dev", string(m, 3, 0));
        assertEquals("doc", string(m, 6, 0));
        UnknownFieldSet opset = nested(m, 8, 0);
        assertEquals("", string(opset, 1, 0));
        assertEquals(List.of(17L), opset.getField(2).getVarintList());
        UnknownFieldSet entry = nested(m, 14, 0);
        assertEquals("ae.part", string(entry, 1, 0));
        assertEquals("encoder", string(entry, 2, 0));
        UnknownFieldSet g = nested(m, 7, 0);
        assertEquals("Relu", string(nested(g, 1, 0), 4, 0));
        assertEquals("g", string(g, 2, 0));
        assertEquals("c", string(nested(g, 5, 0), 8, 0));
        assertEquals("what it does", string(g, 10, 0));
        assertEquals("x", string(nested(g, 11, 0), 1, 0));
        assertEquals("y", string(nested(g, 12, 0), 1, 0));
        assertArrayEquals(model.toByteArray(), model.toByteArray(), "the wire form is deterministic");
    }
}
