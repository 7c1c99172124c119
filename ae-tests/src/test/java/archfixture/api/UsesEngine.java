package archfixture.api;

import archfixture.engine.EngineArray;

/** Breaks the engine-free rule: api code touching an engine type. */
public class UsesEngine {
    public EngineArray leak() {
        return new EngineArray();
    }
}
