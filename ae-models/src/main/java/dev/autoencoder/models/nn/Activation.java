package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;
import java.util.Locale;

/** Parameterless elementwise activations. */
public enum Activation implements Layer {
    RELU {
        @Override
        public Var forward(Var x, Forward pass) {
            return x.relu();
        }
    },
    /** LeakyReLU with PyTorch's default slope, {@value #LEAKY_SLOPE}. */
    LEAKY_RELU {
        @Override
        public Var forward(Var x, Forward pass) {
            return x.leakyRelu(LEAKY_SLOPE);
        }
    },
    SIGMOID {
        @Override
        public Var forward(Var x, Forward pass) {
            return x.sigmoid();
        }
    },
    TANH {
        @Override
        public Var forward(Var x, Forward pass) {
            return x.tanh();
        }
    },
    IDENTITY {
        @Override
        public Var forward(Var x, Forward pass) {
            return x;
        }
    };

    /** The slope of {@link #LEAKY_RELU} below 0. */
    public static final double LEAKY_SLOPE = 0.01;

    /** The name in options and messages: {@code leaky-relu}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
