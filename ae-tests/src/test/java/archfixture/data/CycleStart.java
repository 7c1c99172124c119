package archfixture.data;

import archfixture.models.CycleEnd;

/** Breaks the no-cycles rule together with {@link CycleEnd}. */
public class CycleStart {
    public CycleEnd forth() {
        return new CycleEnd();
    }
}
