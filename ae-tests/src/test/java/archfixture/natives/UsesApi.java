package archfixture.natives;

import archfixture.api.GlobalCounter;

/** Breaks the natives-stand-alone rule: the natives module reaching up into the SPI. */
public class UsesApi {
    public GlobalCounter counter() {
        return new GlobalCounter();
    }
}
