package dev.autoencoder.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.autoencoder.data.ChecksumMismatchException;
import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.IdxTestFiles;
import dev.autoencoder.data.io.Downloader;
import dev.autoencoder.data.io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and downloading MNIST-like datasets, against a local HTTP server on 127.0.0.1. */
class IdxDatasetRepositoryTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> published = new HashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = published.get(exchange.getRequestURI().getPath().substring(1));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI serverBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A spec for a toy dataset published on the local server with correct digests. */
    private IdxDatasetSpec publishToy() {
        byte[] images = IdxTestFiles.gzip(IdxTestFiles.images(5, 4, 4));
        byte[] labels = IdxTestFiles.gzip(IdxTestFiles.labels(5, 2));
        published.put("train-images-idx3-ubyte.gz", images);
        published.put("train-labels-idx1-ubyte.gz", labels);
        return new IdxDatasetSpec("toy", "toy", "", List.of("even", "odd"), serverBase(),
                Map.of("train-images-idx3-ubyte.gz", sha256(images), "train-labels-idx1-ubyte.gz", sha256(labels)),
                List.of(), "publish the toy");
    }

    private IdxDatasetRepository repository(IdxDatasetSpec spec, Path userFolder) {
        return new IdxDatasetRepository(spec, new DatasetLocator(spec, userFolder, name -> null),
                new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @Test
    void loadsLocalFilesWithTheSpecsClassNames() throws IOException {
        IdxDatasetSpec spec = IdxDatasetSpec.FASHION_MNIST;
        DatasetLocatorTest.writeSplit(dir, spec, IdxSplit.TEST, true);
        Dataset d = repository(spec, dir).load(IdxSplit.TEST);
        assertEquals("fashion-mnist-test", d.name());
        assertEquals(4, d.size());
        assertEquals("Trouser", d.labelName(d.label(1)));
    }

    @Test
    void missingFilesNameEveryFolderSearchedAndHowToGetThem() {
        IdxDatasetSpec spec = DatasetLocatorTest.toySpec(List.of(dir.resolve("nowhere")));
        DataNotFoundException e = assertThrows(DataNotFoundException.class,
                () -> repository(spec, dir).load(IdxSplit.TRAIN));
        assertTrue(e.getMessage().contains(dir.resolve("nowhere").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("make the toy files"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void downloadsVerifiesAndThenLoadsFromDisk() {
        IdxDatasetSpec spec = publishToy();
        Path folder = dir.resolve("downloads");
        Dataset d = repository(spec, folder).loadOrDownload(IdxSplit.TRAIN);
        assertEquals(5, d.size());
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, d.labels());
        assertEquals(2, requests.get());
        assertTrue(Files.isRegularFile(folder.resolve("train-images-idx3-ubyte.gz")));
        repository(spec, folder).loadOrDownload(IdxSplit.TRAIN);
        repository(spec, folder).download(IdxSplit.TRAIN);
        assertEquals(2, requests.get(), "verified files on disk are not downloaded again");
    }

    @Test
    void aDownloadWithTheWrongDigestIsDiscarded() throws IOException {
        IdxDatasetSpec spec = publishToy();
        published.put("train-labels-idx1-ubyte.gz", IdxTestFiles.gzip(IdxTestFiles.labels(5, 3)));
        Path folder = dir.resolve("downloads");
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> repository(spec, folder).loadOrDownload(IdxSplit.TRAIN));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
        assertEquals(spec.sha256Of("train-labels-idx1-ubyte.gz").orElseThrow(), e.expected());
        assertFalse(Files.exists(folder.resolve("train-labels-idx1-ubyte.gz")));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("train-images-idx3-ubyte.gz")), left.toList(),
                    "no temporary or unverified file is left behind");
        }
    }

    @Test
    void aMissingRemoteFileIsAClearError() {
        IdxDatasetSpec spec = publishToy();
        published.clear();
        DataException e = assertThrows(DataException.class,
                () -> repository(spec, dir.resolve("d")).download(IdxSplit.TRAIN));
        assertTrue(e.getMessage().contains("HTTP status 404"), e.getMessage());
        assertTrue(e.getMessage().startsWith(serverBase().toString()), e.getMessage());
    }

    @Test
    void refusesToDownloadAFileWithNoKnownDigest() {
        IdxDatasetSpec spec = publishToy();
        assertThrows(DataException.class, () -> repository(spec, dir).download(IdxSplit.TEST));
        assertEquals(0, requests.get());
    }

    @Test
    void downloadsFromFileUrlsToo() throws IOException {
        byte[] images = IdxTestFiles.gzip(IdxTestFiles.images(3, 2, 2));
        Path source = IdxTestFiles.write(dir.resolve("mirror").resolve("train-images-idx3-ubyte.gz"), images);
        Path target = dir.resolve("copy.gz");
        new Downloader().download(source.toUri(), target, sha256(images).toUpperCase(Locale.ROOT));
        assertArrayEquals(images, Files.readAllBytes(target));
    }

    @Test
    void theOfficialFashionMnistSpecIsComplete() {
        IdxDatasetSpec spec = IdxDatasetSpec.FASHION_MNIST;
        for (IdxSplit split : IdxSplit.values()) {
            assertEquals(64, spec.sha256Of(spec.imagesFile(split)).orElseThrow().length());
            assertEquals(64, spec.sha256Of(spec.labelsFile(split)).orElseThrow().length());
        }
        assertEquals(10, spec.classNames().size());
        assertEquals(List.of(Path.of("/usr/share/datasets/fashion-mnist")), spec.systemFolders());
        assertEquals("https", spec.downloadBase().getScheme());
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(bytes);
        return Sha256.hex(digest);
    }
}
