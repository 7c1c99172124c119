package dev.autoencoder.onnx;

import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.Networks;
import dev.autoencoder.onnx.proto.GraphProto;
import java.util.List;

/**
 * The ONNX graph of each {@link Part} of one model, from the layers the model names ({@link Autoencoder#networks()}):
 * the encoder, a variational model's heads ({@code mean}; {@code log_var} then {@code Clip} to its bounds) and the
 * decoder followed by the likelihood's output. Inputs are {@value #X} and {@value #Z}; outputs {@value #Z} (or
 * {@value #MEAN} and {@value #LOG_VAR}) and {@value #X_HAT}.
 */
final class InferenceGraphs {
    static final String X = "x";
    static final String Z = "z";
    static final String MEAN = "mean";
    static final String LOG_VAR = "log_var";
    static final String X_HAT = "x_hat";

    private final ModelSpec spec;
    private final Networks networks;

    InferenceGraphs(Autoencoder model) {
        this.spec = model.spec();
        this.networks = model.networks();
    }

    /** The graph of {@code part}. */
    GraphProto graph(Part part) {
        GraphBuilder g = new GraphBuilder();
        List<Integer> code = List.of(spec.latent());
        switch (part) {
            case ENCODER -> {
                String h = features(g, g.input(X, spec.inputShape()));
                networks.posterior().ifPresentOrElse(q -> {
                    g.output(MEAN, LayerNodes.dense(g, MEAN, q.mean(), h), code);
                    g.output(LOG_VAR, logVar(g, q, h), code);
                }, () -> g.output(Z, h, code));
            }
            case DECODER -> g.output(X_HAT, decode(g, g.input(Z, code)), spec.inputShape());
            case RECONSTRUCTION -> g.output(X_HAT, decode(g, code(g, g.input(X, spec.inputShape()))), spec.inputShape());
        }
        return g.build(spec.family().id() + " " + part.id(), description(part));
    }

    /** What the graph of {@code part} computes, in words. */
    String description(Part part) {
        String x = "x " + shape(spec.inputShape());
        String z = shape(List.of(spec.latent()));
        String codes = networks.posterior().isPresent() ? MEAN + " " + z + " and " + LOG_VAR + " " + z : Z + " " + z;
        String io = switch (part) {
            case ENCODER -> x + " -> " + codes;
            case DECODER -> Z + " " + z + " -> " + X_HAT + " " + shape(spec.inputShape()) + outputNote();
            case RECONSTRUCTION -> x + " -> " + X_HAT + " " + shape(spec.inputShape()) + outputNote()
                    + (networks.posterior().isPresent() ? ", decoded from the posterior mean" : "");
        };
        return "ae " + spec.family().id() + " " + part.id() + ": " + io + "; float32, inputs in the model's scaled units "
                + "(the data recipe's scaling: clamp((raw - offset) * scale, 0, 1))";
    }

    private String outputNote() {
        return switch (networks.likelihood()) {
            case BERNOULLI -> " (probabilities: the sigmoid of the decoder's logits)";
            case GAUSSIAN -> " (the decoder's values)";
        };
    }

    /** The encoder network's output for {@code x}: the code, or a variational model's features for its heads. */
    private String features(GraphBuilder g, String x) {
        return LayerNodes.apply(g, "encoder", networks.encoder(), x);
    }

    /** The code of {@code x}: the encoder's output, or a variational model's posterior mean. */
    private String code(GraphBuilder g, String x) {
        String h = features(g, x);
        return networks.posterior().map(q -> LayerNodes.dense(g, MEAN, q.mean(), h)).orElse(h);
    }

    private String decode(GraphBuilder g, String z) {
        return LayerNodes.output(g, "output", networks.likelihood(), LayerNodes.apply(g, "decoder", networks.decoder(), z));
    }

    /** The log-variance head, clamped to its bounds as ae clamps it. */
    private static String logVar(GraphBuilder g, Networks.Posterior q, String h) {
        String raw = LayerNodes.dense(g, LOG_VAR, q.logVar(), h);
        return g.node(LOG_VAR, "Clip", List.of(raw, g.scalar(LOG_VAR + ".min", (float) q.logVarMin()),
                g.scalar(LOG_VAR + ".max", (float) q.logVarMax())));
    }

    private static String shape(List<Integer> sampleShape) {
        return "[" + GraphBuilder.BATCH + sampleShape.stream().map(d -> ", " + d).reduce("", String::concat) + "]";
    }
}
