package dev.autoencoder.api.discovery;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A backend asked for by name, and where the name came from. The sources are consulted in this order: an
 * explicit name (the CLI's {@code --backend}), the system property {@value #PROPERTY}, the environment variable
 * {@value #ENVIRONMENT}.
 *
 * @param name   the requested backend name
 * @param source where it came from, for error messages
 */
public record BackendRequest(String name, String source) {
    /** System property naming the backend. */
    public static final String PROPERTY = "ae.backend";
    /** Environment variable naming the backend. */
    public static final String ENVIRONMENT = "AE_BACKEND";

    /** The request in force for this process, given an optional explicit name. */
    public static Optional<BackendRequest> resolve(String explicitName) {
        return resolve(explicitName, System::getProperty, System::getenv);
    }

    /** The request in force, with the property and environment lookups given (for tests). */
    public static Optional<BackendRequest> resolve(String explicitName, UnaryOperator<String> properties,
            UnaryOperator<String> environment) {
        if (present(explicitName)) {
            return Optional.of(new BackendRequest(explicitName.trim(), "an explicit choice"));
        }
        String fromProperty = properties.apply(PROPERTY);
        if (present(fromProperty)) {
            return Optional.of(new BackendRequest(fromProperty.trim(), "system property " + PROPERTY));
        }
        String fromEnv = environment.apply(ENVIRONMENT);
        if (present(fromEnv)) {
            return Optional.of(new BackendRequest(fromEnv.trim(), "environment variable " + ENVIRONMENT));
        }
        return Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
