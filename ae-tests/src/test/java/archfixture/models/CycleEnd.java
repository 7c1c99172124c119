package archfixture.models;

import archfixture.data.CycleStart;

/** The other half of a package cycle. */
public class CycleEnd {
    public CycleStart back() {
        return new CycleStart();
    }
}
