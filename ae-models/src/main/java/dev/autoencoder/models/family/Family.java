package dev.autoencoder.models.family;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.autoencoder.data.series.WindowLayout;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The autoencoder families, by the names the CLI and checkpoints use. */
public enum Family {
    AE("ae"),
    STACKED_AE("stacked-ae"),
    DENOISING_AE("denoising-ae"),
    CONTRACTIVE_AE("contractive-ae"),
    SPARSE_AE("sparse-ae"),
    CONV_AE("conv-ae"),
    VAE("vae"),
    CONV_VAE("conv-vae"),
    CVAE("cvae"),
    CONV_CVAE("conv-cvae"),
    LSTM_AE("lstm-ae"),
    CONV1D_AE("conv1d-ae");

    private final String id;

    Family(String id) {
        this.id = id;
    }

    /** The stable name ({@code conv-vae}). */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Whether the encoder and decoder are 2-D convolutions over images {@code [c, h, w]} (conv1d-ae's are 1-D, over
     * windows: {@link #sequential()}).
     */
    public boolean convolutional() {
        return this == CONV_AE || this == CONV_VAE || this == CONV_CVAE;
    }

    /**
     * Whether it models windows of a series: samples {@code [steps, channels]} for lstm-ae, {@code [channels, steps]}
     * (PyTorch's {@code Conv1d} layout) for conv1d-ae.
     */
    public boolean sequential() {
        return windowLayout().isPresent();
    }

    /**
     * How its models take windows of a series, when they do ({@code [steps, channels]} for the recurrent lstm-ae,
     * {@code [channels, steps]} for conv1d-ae); empty for families of other samples. Callers ask this, never for a
     * family's name, to shape windows for a model.
     */
    public Optional<WindowLayout> windowLayout() {
        return switch (this) {
            case LSTM_AE -> Optional.of(WindowLayout.STEPS_FIRST);
            case CONV1D_AE -> Optional.of(WindowLayout.CHANNELS_FIRST);
            default -> Optional.empty();
        };
    }

    /** Whether it is variational. */
    public boolean variational() {
        return this == VAE || this == CONV_VAE || conditional();
    }

    /** Whether its models are conditioned on a class label (the conditional VAEs). */
    public boolean conditional() {
        return this == CVAE || this == CONV_CVAE;
    }

    /** The family named {@code id}, or an error listing the names. */
    @JsonCreator
    public static Family of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown model family '" + id + "'; known: "
                        + Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", "))));
    }
}
