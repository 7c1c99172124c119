package archfixture.backend.second;

import archfixture.backend.first.FirstBackend;

/** Breaks the independent-backends rule. */
public class UsesFirstBackend {
    public FirstBackend other() {
        return new FirstBackend();
    }
}
