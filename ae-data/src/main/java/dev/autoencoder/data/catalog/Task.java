package dev.autoencoder.data.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a model is trained to do: reconstruct its input, or restore a degraded input to the clean target. */
public enum Task {
    /** Input and target are the same (every family; the denoising autoencoder adds its own noise). */
    RECONSTRUCT,
    /** The input is the target at lower resolution. */
    SUPER_RESOLVE,
    /** The input is the target with a missing patch. */
    INPAINT;

    /** The degradation the model learns to undo, with the given super-resolution factor or inpainting patch. */
    public Optional<Degradation> degradation(int factor, int patch) {
        return switch (this) {
            case RECONSTRUCT -> Optional.empty();
            case SUPER_RESOLVE -> Optional.of(new Degradation.LowResolution(factor));
            case INPAINT -> Optional.of(new Degradation.MissingPatch(patch));
        };
    }

    /** The lower-case name, as options spell it: {@code super-resolve}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
