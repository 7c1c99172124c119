package archfixture.models;

import archfixture.backend.first.FirstBackend;

/** Breaks the engine-free rule: model code reaching into a backend. */
public class UsesBackend {
    public FirstBackend backend() {
        return new FirstBackend();
    }
}
