package archfixture.backend.first;

import archfixture.models.FieldInjected;

/** Breaks the backends-below-models rule. */
public class UsesModels {
    public FieldInjected model() {
        return new FieldInjected();
    }
}
