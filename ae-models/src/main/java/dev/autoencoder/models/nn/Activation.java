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
    /** LeakyReLU with PyTorch's default slope 0.01. */
    LEAKY_RELU {
        @Override
        public Var forward(Var x, Forward pass) {
            return x.leakyRelu(0.01);
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

    /** The name in options and messages: {@code leaky-relu}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
