package dev.autoencoder.api.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import dev.autoencoder.api.BackendNotFoundException;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Discovery through Guice with fake backend modules: several backends coexist, only the chosen one is created. */
class BackendsModuleTest {
    private final List<String> created = new ArrayList<>();

    private final class FakeModule extends AbstractBackendModule {
        private final String name;
        private final int priority;

        FakeModule(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String backendName() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        protected TensorBackend create(BackendSettings settings) {
            created.add(name + "/" + settings.threads());
            return (TensorBackend) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TensorBackend.class},
                    (proxy, method, args) -> method.getName().equals("name") ? name : null);
        }
    }

    private TensorBackend select(Optional<BackendRequest> request, BackendModule... modules) {
        return Guice.createInjector(new BackendsModule(List.of(modules), request, new BackendSettings(3)))
                .getInstance(TensorBackend.class);
    }

    @Test
    void severalBackendsCoexistAndOnlyTheSelectedOneIsCreated() {
        TensorBackend b = select(Optional.empty(), new FakeModule("low", 0), new FakeModule("high", 10));
        assertEquals("high", b.name());
        assertEquals(List.of("high/3"), created, "backends are created lazily, and only the chosen one");
    }

    @Test
    void explicitRequestSelectsByName() {
        assertEquals("low", select(Optional.of(new BackendRequest("low", "test")), new FakeModule("low", 0),
                new FakeModule("high", 10)).name());
    }

    @Test
    void zeroBackendsFailFast() {
        var e = assertThrows(ProvisionException.class, () -> select(Optional.empty()));
        assertTrue(e.getCause() instanceof BackendNotFoundException, e.toString());
    }

    @Test
    void tieFails() {
        var e = assertThrows(ProvisionException.class, () -> select(Optional.empty(), new FakeModule("a", 5), new FakeModule("b", 5)));
        assertTrue(e.getCause().getMessage().contains("share priority 5"));
    }

    @Test
    void unknownNameFails() {
        var e = assertThrows(ProvisionException.class, () -> select(Optional.of(new BackendRequest("zzz", "test")),
                new FakeModule("a", 5)));
        assertTrue(e.getCause().getMessage().contains("unknown backend 'zzz'"));
    }

    @Test
    void duplicateNamesAreRejectedByGuice() {
        assertThrows(CreationException.class, () -> select(Optional.empty(), new FakeModule("a", 5), new FakeModule("a", 6)));
    }
}
