package dev.autoencoder.cli.train;

import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.optim.Sgd;
import java.util.Locale;
import java.util.Map;

/** The optimizers {@code --optimizer} offers, with PyTorch's defaults. */
public enum OptimizerKind {
    /** Adam, betas 0.9/0.999, eps 1e-8, no weight decay. */
    ADAM,
    /** AdamW with decoupled weight decay 0.01 (PyTorch's default). */
    ADAMW,
    /** SGD with momentum 0.9. */
    SGD;

    private static final double ADAMW_WEIGHT_DECAY = 0.01;
    private static final double SGD_MOMENTUM = 0.9;

    /** A fresh optimizer of this kind over {@code parameters}. */
    public Optimizer create(Map<String, Parameter> parameters) {
        return switch (this) {
            case ADAM -> Adam.adam(parameters, 0);
            case ADAMW -> Adam.adamW(parameters, ADAMW_WEIGHT_DECAY);
            case SGD -> new Sgd(parameters, SGD_MOMENTUM, 0);
        };
    }

    /** The option value and the name in training-state files: {@code adamw}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
