package archfixture.nativeruntime;

import archfixture.api.GlobalCounter;

/** Breaks the native-runtime-stands-alone rule: the native runtime reaching up into the SPI. */
public class UsesApi {
    public GlobalCounter counter() {
        return new GlobalCounter();
    }
}
