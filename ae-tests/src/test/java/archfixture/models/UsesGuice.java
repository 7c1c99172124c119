package archfixture.models;

import com.google.inject.Injector;

/** Breaks the Guice-confinement rule: a model class using the Guice API. */
public class UsesGuice {
    public Object create(Injector injector) {
        return injector.getInstance(Object.class);
    }
}
