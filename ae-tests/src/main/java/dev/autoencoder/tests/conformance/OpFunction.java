package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import java.util.List;

/** An operation under test, written on the tape so that the same code gives values and gradients. */
@FunctionalInterface
public interface OpFunction {
    /** Applies the operation to {@code args} recorded on {@code tape}. */
    Var apply(Tape tape, List<Var> args);
}
