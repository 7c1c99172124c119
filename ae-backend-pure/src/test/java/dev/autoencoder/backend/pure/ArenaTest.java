package dev.autoencoder.backend.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import org.junit.jupiter.api.Test;

/** Scopes of the pure backend lend arrays, take them back when they close, and never hand out one still in use. */
class ArenaTest {
    private final PureBackend b = new PureBackend(1);
    private final Tensor x = b.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2));

    private float[] array(Tensor t) {
        return ((PureTensor) t).floats();
    }

    @Test
    void aTensorOfAClosedScopeRefusesToBeRead() {
        Tensor y;
        Tensor view;
        try (TensorScope scope = b.newScope()) {
            y = b.add(x, x);
            view = b.reshape(y, Shape.of(4));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.toFloats(y));
        assertTrue(e.getMessage().contains("scope"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> b.toFloats(view));
    }

    @Test
    void aClosedScopesArraysServeTheNextScope() {
        float[] first;
        try (TensorScope scope = b.newScope()) {
            first = array(b.add(x, x));
        }
        try (TensorScope scope = b.newScope()) {
            Tensor y = b.mul(x, x);
            assertSame(first, array(y));
            assertArrayEquals(new float[] {1, 4, 9, 16}, b.toFloats(y));
        }
    }

    @Test
    void aKeptTensorOutlivesItsScopeAndItsArrayIsNotLentAgain() {
        Tensor kept;
        try (TensorScope scope = b.newScope()) {
            kept = scope.keep(b.add(x, x));
        }
        try (TensorScope scope = b.newScope()) {
            assertNotSame(array(kept), array(b.mul(x, x)));
        }
        assertArrayEquals(new float[] {2, 4, 6, 8}, b.toFloats(kept));
    }

    @Test
    void keepMovesATensorToTheEnclosingScope() {
        Tensor kept;
        try (TensorScope outer = b.newScope()) {
            try (TensorScope inner = b.newScope()) {
                kept = inner.keep(b.add(x, x));
            }
            assertArrayEquals(new float[] {2, 4, 6, 8}, b.toFloats(kept));
        }
        assertThrows(IllegalStateException.class, () -> b.toFloats(kept));
    }

    @Test
    void closingAnOuterScopeClosesTheScopesOpenedInsideIt() {
        TensorScope outer = b.newScope();
        TensorScope inner = b.newScope();
        Tensor y = b.add(x, x);
        outer.close();
        assertThrows(IllegalStateException.class, () -> b.toFloats(y));
        inner.close();
    }

    @Test
    void arraysAnOutermostScopeDidNotTakeBackAreDropped() {
        float[] first;
        try (TensorScope scope = b.newScope()) {
            first = array(b.add(x, x));
        }
        try (TensorScope scope = b.newScope()) {
            b.sum(x, false);
        }
        try (TensorScope scope = b.newScope()) {
            assertNotSame(first, array(b.add(x, x)));
        }
    }

    @Test
    void pastItsLimitAScopeLeavesArraysToTheCollector() {
        Tensor lent;
        Tensor beyond;
        try (TensorScope scope = b.newScope()) {
            lent = b.full(Shape.of((int) Arena.LIMIT), DType.F32, 1);
            beyond = b.full(Shape.of(2), DType.F32, 3);
        }
        assertThrows(IllegalStateException.class, () -> b.toFloats(lent));
        assertArrayEquals(new float[] {3, 3}, b.toFloats(beyond));
    }

    @Test
    void withoutAScopeTensorsAreOrdinaryHeapArrays() {
        Tensor y = b.add(x, x);
        try (TensorScope scope = b.newScope()) {
            assertNotSame(array(y), array(b.mul(x, x)));
        }
        assertArrayEquals(new float[] {2, 4, 6, 8}, b.toFloats(y));
    }
}
