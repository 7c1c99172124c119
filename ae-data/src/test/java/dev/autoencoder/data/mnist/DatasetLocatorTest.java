package dev.autoencoder.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.IdxTestFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
    @TempDir
    Path dir;

    static IdxDatasetSpec toySpec(List<Path> systemFolders) {
        return new IdxDatasetSpec("toy", "toy-folder", "", List.of(), URI.create("http://127.0.0.1:1/"), Map.of(),
                systemFolders, "make the toy files");
    }

    static void writeSplit(Path folder, IdxDatasetSpec spec, IdxSplit split, boolean gzip) throws IOException {
        String images = spec.imagesFile(split);
        String labels = spec.labelsFile(split);
        byte[] imageBytes = IdxTestFiles.images(4, 3, 3);
        byte[] labelBytes = IdxTestFiles.labels(4, 2);
        if (gzip) {
            IdxTestFiles.write(folder.resolve(images), IdxTestFiles.gzip(imageBytes));
            IdxTestFiles.write(folder.resolve(labels), IdxTestFiles.gzip(labelBytes));
        } else {
            IdxTestFiles.write(folder.resolve(images.replace(".gz", "")), imageBytes);
            IdxTestFiles.write(folder.resolve(labels.replace(".gz", "")), labelBytes);
        }
    }

    @Test
    void searchesUserFolderThenEnvironmentThenSystemFolders() {
        Path user = dir.resolve("user");
        Path data = dir.resolve("data");
        Path system = dir.resolve("system");
        DatasetLocator locator = new DatasetLocator(toySpec(List.of(system)), user,
                Map.of("AE_DATA", data.toString())::get);
        assertEquals(List.of(user, user.resolve("toy-folder"), data.resolve("toy-folder"), data, system),
                locator.searchFolders());
    }

    @Test
    void findsTheFirstFolderHoldingBothFiles() throws IOException {
        IdxDatasetSpec spec = toySpec(List.of(dir.resolve("system")));
        Path data = dir.resolve("data");
        writeSplit(data.resolve("toy-folder"), spec, IdxSplit.TRAIN, false);
        writeSplit(dir.resolve("system"), spec, IdxSplit.TRAIN, true);
        IdxTestFiles.write(dir.resolve("user").resolve(spec.imagesFile(IdxSplit.TRAIN)), new byte[1]);
        DatasetLocator locator = new DatasetLocator(spec, dir.resolve("user"), Map.of("AE_DATA", data.toString())::get);
        SplitFiles found = locator.find(IdxSplit.TRAIN).orElseThrow();
        assertEquals(data.resolve("toy-folder").resolve("train-images-idx3-ubyte"), found.images());
        assertEquals(dir.resolve("system").resolve("t10k-images-idx3-ubyte.gz"),
                writeAndFind(spec, IdxSplit.TEST).images());
    }

    @Test
    void downloadsToTheUserFolderThenTheEnvironmentFolder() {
        IdxDatasetSpec spec = toySpec(List.of());
        assertEquals(dir, new DatasetLocator(spec, dir, name -> null).downloadFolder());
        assertEquals(dir.resolve("toy-folder"),
                new DatasetLocator(spec, null, Map.of("AE_DATA", dir.toString())::get).downloadFolder());
        assertTrue(new DatasetLocator(spec, null, name -> null).downloadFolder().endsWith(Path.of(".cache", "ae",
                "toy-folder")));
    }

    private SplitFiles writeAndFind(IdxDatasetSpec spec, IdxSplit split) throws IOException {
        writeSplit(dir.resolve("system"), spec, split, true);
        return new DatasetLocator(spec, null, name -> null).find(split).orElseThrow();
    }
}
