package archfixture.models;

import jakarta.inject.Inject;

/** Breaks the constructor-injection rule. */
public class FieldInjected {
    @Inject
    Object dependency;
}
