package dev.autoencoder.models.nn;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/** {@code y = x W^T + b}, PyTorch's {@code Linear}: weight {@code [out, in]}, bias {@code [out]}. */
public final class Dense implements Layer {
    private final Parameter weight;
    private final Parameter bias;

    /** A layer from {@code in} to {@code out} features, initialised as PyTorch does. */
    public Dense(int in, int out, Init init) {
        this.weight = init.uniformFanIn(Shape.of(out, in), in);
        this.bias = init.uniformFanIn(Shape.of(out), in);
    }

    @Override
    public Var forward(Var x, Forward pass) {
        return x.linear(pass.param(weight), pass.param(bias));
    }

    /** The weight {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
