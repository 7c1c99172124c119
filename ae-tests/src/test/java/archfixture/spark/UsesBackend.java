package archfixture.spark;

import archfixture.backend.first.FirstBackend;

/** Breaks the engine-free rule: the Spark layer naming a backend instead of discovering one on the executor. */
public class UsesBackend {
    public FirstBackend backend() {
        return new FirstBackend();
    }
}
