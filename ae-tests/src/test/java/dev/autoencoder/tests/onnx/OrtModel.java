package dev.autoencoder.tests.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One ONNX file loaded by ONNX Runtime: its metadata, its inputs' and outputs' shapes, and its outputs for an input. */
public final class OrtModel implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final OrtSession session;

    /** {@code file} loaded by ONNX Runtime, on one thread. */
    public OrtModel(Path file) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = ENV.createSession(file.toString(), options);
        }
    }

    /** The file's {@code metadata_props}. */
    public Map<String, String> metadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    /** The shape of every input, -1 for a dynamic dimension. */
    Map<String, long[]> inputs() throws OrtException {
        return shapes(session.getInputInfo());
    }

    /** The shape of every output, -1 for a dynamic dimension. */
    Map<String, long[]> outputs() throws OrtException {
        return shapes(session.getOutputInfo());
    }

    /** Every output for the one input {@code name} of {@code n} samples of {@code sampleShape}, row-major. */
    public Map<String, float[]> run(String name, float[] data, int n, int... sampleShape) throws OrtException {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        for (int i = 0; i < sampleShape.length; i++) {
            shape[i + 1] = sampleShape[i];
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        try (OnnxTensor input = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(name, input))) {
            for (Map.Entry<String, OnnxValue> e : result) {
                FloatBuffer values = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] array = new float[values.remaining()];
                values.get(array);
                out.put(e.getKey(), array);
            }
        }
        return out;
    }

    private static Map<String, long[]> shapes(Map<String, NodeInfo> infos) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        infos.forEach((name, info) -> shapes.put(name, ((TensorInfo) info.getInfo()).getShape()));
        return shapes;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
