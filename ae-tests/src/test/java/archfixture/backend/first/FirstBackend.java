package archfixture.backend.first;

/** A backend class other fixtures depend on. */
public class FirstBackend {
}
