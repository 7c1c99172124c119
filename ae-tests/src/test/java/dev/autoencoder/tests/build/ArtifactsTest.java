package dev.autoencoder.tests.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape of the library for its users: the BOM lists every artifact of the build at the build's version, and
 * every jar has a stable {@code Automatic-Module-Name} under the package root. Reads the poms of the checkout.
 */
class ArtifactsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> modules() throws IOException {
        return all(read(ROOT.resolve("pom.xml")), "<module>([^<]+)</module>");
    }

    @Test
    void theBomListsEveryArtifactAtTheBuildVersion() throws IOException {
        String parent = read(ROOT.resolve("pom.xml"));
        String version = all(parent, "<artifactId>ae-parent</artifactId>\\s*<version>([^<]+)</version>").get(0);
        String bom = read(ROOT.resolve("ae-bom/pom.xml"));
        assertEquals(List.of(version), all(bom, "<ae.version>([^<]+)</ae.version>"), "the BOM's version of the artifacts");
        assertEquals(List.of(version), all(bom, "<artifactId>ae-bom</artifactId>\\s*<version>([^<]+)</version>"));
        List<String> listed = all(bom, "<artifactId>(ae-[^<]+)</artifactId>\\s*<version>\\$\\{ae.version}</version>");
        List<String> artifacts = modules().stream().filter(m -> !m.equals("ae-bom")).toList();
        assertFalse(artifacts.isEmpty());
        assertEquals(artifacts.stream().sorted().toList(), listed.stream().sorted().toList(), "modules of the build vs the BOM");
    }

    @Test
    void everyJarNamesItsModule() throws IOException {
        for (String module : modules()) {
            if (module.equals("ae-bom")) {
                continue;
            }
            String pom = read(ROOT.resolve(module).resolve("pom.xml"));
            List<String> names = all(pom, "<ae.module.name>([^<]+)</ae.module.name>");
            assertEquals(1, names.size(), module + " sets ae.module.name once");
            String expected = "dev.autoencoder." + module.substring("ae-".length()).replace('-', '.');
            assertEquals(expected, names.get(0), module);
            assertTrue(Files.isDirectory(ROOT.resolve(module).resolve("src/main/java/" + expected.replace('.', '/'))),
                    module + "'s module name is its package root");
        }
    }
}
