package dev.autoencoder.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import dev.autoencoder.data.idx.IdxDatasetLoader;
import dev.autoencoder.data.idx.IdxReader;
import dev.autoencoder.data.image.ColorMode;
import dev.autoencoder.data.image.ImageFolderLoader;
import dev.autoencoder.data.image.ImageFolderOptions;
import dev.autoencoder.data.io.Downloader;
import dev.autoencoder.data.mnist.DatasetLocator;
import dev.autoencoder.data.mnist.IdxDatasetRepository;
import dev.autoencoder.data.mnist.IdxDatasetSpec;
import dev.autoencoder.data.mnist.IdxSplit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: malformed files made here, each of which must fail with exactly one typed
 * {@link DataException} whose message starts with the file (and line) and names the problem. A
 * loader that throws cannot return a half-loaded dataset.
 */
class BadInputCorpusTest {
    private static final List<String> TEN_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;

    /** Makes the bad input in a fresh folder and says how to load it. */
    @FunctionalInterface
    private interface Setup {
        Attempt create(Path folder) throws IOException;
    }

    /**
     * @param named what the message must start with (the file, maybe with its line)
     * @param load the loading call that must fail
     */
    private record Attempt(String named, Executable load) {
    }

    private record BadInput(String name, Class<? extends DataException> type, String problem, Setup setup) {
    }

    private static Attempt idx(Path file, byte[] content) throws IOException {
        IdxTestFiles.write(file, content);
        return new Attempt(file.toString(), () -> new IdxReader().readFloats(file));
    }

    private static Attempt csv(Path file, String content, CsvOptions options, int line) throws IOException {
        Files.writeString(file, content);
        return new Attempt(line > 0 ? file + ":" + line : file.toString(), () -> new CsvLoader().load(file, options));
    }

    private static Attempt csv(Path file, String content, int line) throws IOException {
        return csv(file, content, CsvOptions.defaults(), line);
    }

    private static Attempt pairing(Path folder, byte[] images, byte[] labels, List<String> classes) throws IOException {
        Path imageFile = IdxTestFiles.write(folder.resolve("images.gz"), IdxTestFiles.gzip(images));
        Path labelFile = IdxTestFiles.write(folder.resolve("labels.gz"), IdxTestFiles.gzip(labels));
        return new Attempt(labelFile.toString(),
                () -> new IdxDatasetLoader().load(imageFile, labelFile, "pair", classes));
    }

    private static Attempt imageFolder(Path folder, Path named, ImageFolderOptions options) {
        return new Attempt(named.toString(), () -> new ImageFolderLoader().load(folder, options));
    }

    private static final ImageFolderOptions GRAY = ImageFolderOptions.originalSize(ColorMode.GRAYSCALE);

    private static List<BadInput> corpus() {
        return List.of(
                new BadInput("truncated gzip IDX", DataFormatException.class, "truncated or corrupt", f -> {
                    byte[] gz = IdxTestFiles.gzip(IdxTestFiles.images(50, 8, 8));
                    return idx(f.resolve("cut-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
                }),
                new BadInput("wrong IDX magic number", DataFormatException.class, "is not an IDX file",
                        f -> idx(f.resolve("magic"), ByteBuffer.allocate(8).putInt(0x1F2E0803).array())),
                new BadInput("unknown IDX element type", DataFormatException.class, "unknown IDX element type 0x0A",
                        f -> idx(f.resolve("type"), IdxTestFiles.bytes(0x0A, new int[] {2}, new byte[2]))),
                new BadInput("IDX dimensions larger than the file", DataFormatException.class,
                        "need 78400 data bytes but the file has only 10",
                        f -> idx(f.resolve("short"), IdxTestFiles.bytes(0x08, new int[] {100, 28, 28}, new byte[10]))),
                new BadInput("gzip IDX dimensions larger than the data", DataFormatException.class,
                        "need 78400 data bytes but the file has only 10", f -> idx(f.resolve("short.gz"),
                                IdxTestFiles.gzip(IdxTestFiles.bytes(0x08, new int[] {100, 28, 28}, new byte[10])))),
                new BadInput("IDX with bytes after the data", DataFormatException.class, "has 11 data bytes but", f -> {
                    byte[] good = IdxTestFiles.images(2, 2, 2);
                    return idx(f.resolve("long"), Arrays.copyOf(good, good.length + 3));
                }),
                new BadInput("IDX header cut inside the dimensions", DataFormatException.class,
                        "ends inside the IDX header", f -> idx(f.resolve("header"),
                                ByteBuffer.allocate(8).putInt(0x0803).putInt(5).array())),
                new BadInput("empty IDX file", DataFormatException.class, "too short to hold an IDX header",
                        f -> idx(f.resolve("empty-idx"), new byte[0])),
                new BadInput("IDX with a zero dimension", DataFormatException.class, "declares dimension 0 as 0",
                        f -> idx(f.resolve("zero"), IdxTestFiles.bytes(0x08, new int[] {0, 28, 28}, new byte[0]))),
                new BadInput("label count not matching image count", DataFormatException.class,
                        "has 9 labels but", f -> pairing(f, IdxTestFiles.images(10, 4, 4),
                                IdxTestFiles.labels(9, 3), List.of())),
                new BadInput("labels file with two dimensions", DataFormatException.class, "is not a label file",
                        f -> pairing(f, IdxTestFiles.images(2, 4, 4),
                                IdxTestFiles.bytes(0x08, new int[] {2, 1}, new byte[2]), List.of())),
                new BadInput("label outside the class names", DataFormatException.class, "label 10 of item 10 is outside [0, 10)",
                        f -> pairing(f, IdxTestFiles.images(13, 2, 2), IdxTestFiles.labels(13, 13), TEN_CLASSES)),
                new BadInput("CSV ragged row", DataFormatException.class, "column 3 'c' is missing",
                        f -> csv(f.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n", 3)),
                new BadInput("CSV non-numeric cell", DataFormatException.class, "column 2: 'abc' is not a number",
                        f -> csv(f.resolve("text.csv"), "1,2\n\n3,abc\n", 3)),
                new BadInput("CSV NaN cell", DataFormatException.class, "column 1 'x': 'NaN' is NaN",
                        f -> csv(f.resolve("nan.csv"), "x,y\n1,2\nNaN,3\n", 3)),
                new BadInput("CSV infinite cell", DataFormatException.class, "'-Infinity' is infinite",
                        f -> csv(f.resolve("inf.csv"), "x,y\n-Infinity,2\n", 2)),
                new BadInput("CSV value beyond the float range", DataFormatException.class, "'1e39' is infinite",
                        f -> csv(f.resolve("huge.csv"), "1,1e39\n", 1)),
                new BadInput("CSV empty cell", DataFormatException.class, "column 2 'y': the value is missing",
                        f -> csv(f.resolve("hole.csv"), "x,y\n1,\n", 2)),
                new BadInput("empty CSV file", DataFormatException.class, "is empty",
                        f -> csv(f.resolve("empty.csv"), " \n\n", 0)),
                new BadInput("CSV header only", DataFormatException.class, "has a header but no data rows",
                        f -> csv(f.resolve("header.csv"), "a,b,c\n", 1)),
                new BadInput("CSV label column that does not exist", DataFormatException.class,
                        "no column named 'label'", f -> csv(f.resolve("nolabel.csv"), "a,b\n1,2\n",
                                CsvOptions.defaults().withLabelColumn(ColumnRef.named("label")), 1)),
                new BadInput("CSV with an unclosed quote", DataFormatException.class, "quoted cell is not closed",
                        f -> csv(f.resolve("quote.csv"), "a,b\n1,\"2\n", 2)),
                new BadInput("truncated gzip CSV", DataFormatException.class, "truncated or corrupt", f -> {
                    byte[] gz = IdxTestFiles.gzip("a,b\n1,2\n3,4\n5,6\n".repeat(200).getBytes(StandardCharsets.UTF_8));
                    Path file = IdxTestFiles.write(f.resolve("cut.csv.gz"), Arrays.copyOf(gz, gz.length - 20));
                    return new Attempt(file.toString(), () -> new CsvLoader().load(file, CsvOptions.defaults()));
                }),
                new BadInput("time series shorter than a window", DataFormatException.class,
                        "has 3 rows, fewer than one window of 5 steps", f -> {
                            Path file = Files.writeString(f.resolve("series.csv"), "v\n1\n2\n3\n");
                            return new Attempt(file.toString(), () -> new DataCatalog().load(
                                    new DataRequest(file.toString(), 5, 1, null), Optional.empty()));
                        }),
                new BadInput("images of mixed sizes with no resize", DataFormatException.class,
                        "images of mixed sizes need a target size", f -> {
                            TestImages.solid(f.resolve("a.png"), 4, 4, 0x101010, "png");
                            Path odd = TestImages.solid(f.resolve("b.png"), 5, 4, 0x101010, "png");
                            return imageFolder(f, odd, GRAY);
                        }),
                new BadInput("image file that is not an image", DataFormatException.class,
                        "is not a readable PNG or JPEG image", f -> {
                            Path broken = Files.writeString(f.resolve("broken.png"), "this is text, not a PNG");
                            return imageFolder(f, broken, GRAY);
                        }),
                new BadInput("truncated PNG image", DataFormatException.class, "cannot be decoded as an image", f -> {
                    Path png = TestImages.gradient(f.resolve("cut.png"), 64, 64);
                    byte[] bytes = Files.readAllBytes(png);
                    Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));
                    return imageFolder(f, png, GRAY);
                }),
                new BadInput("folder with no images", DataNotFoundException.class, "holds no PNG or JPEG images", f -> {
                    Files.writeString(f.resolve("readme.txt"), "no images here");
                    Files.createDirectories(f.resolve("empty-class"));
                    return imageFolder(f, f, GRAY);
                }),
                new BadInput("images both loose and in class folders", DataFormatException.class,
                        "holds images both directly", f -> {
                            TestImages.solid(f.resolve("loose.png"), 2, 2, 0, "png");
                            TestImages.solid(f.resolve("cats").resolve("c.png"), 2, 2, 0, "png");
                            return imageFolder(f, f, GRAY);
                        }),
                new BadInput("missing CSV file", DataNotFoundException.class, "no such file",
                        f -> new Attempt(f.resolve("absent.csv").toString(),
                                () -> new CsvLoader().load(f.resolve("absent.csv"), CsvOptions.defaults()))),
                new BadInput("missing IDX file", DataNotFoundException.class, "no such file",
                        f -> new Attempt(f.resolve("absent.gz").toString(),
                                () -> new IdxReader().readFloats(f.resolve("absent.gz")))),
                new BadInput("directory where a CSV file is expected", DataNotFoundException.class,
                        "is a directory, expected a file", f -> {
                            Path folder = Files.createDirectories(f.resolve("table.csv"));
                            return new Attempt(folder.toString(),
                                    () -> new CsvLoader().load(folder, CsvOptions.defaults()));
                        }),
                new BadInput("directory where an IDX file is expected", DataNotFoundException.class,
                        "is a directory, expected a file", f -> new Attempt(f.toString(),
                                () -> new IdxDatasetLoader().loadUnlabeled(f, "x"))),
                new BadInput("file where an image folder is expected", DataNotFoundException.class,
                        "is a file, expected a folder", f -> {
                            Path file = TestImages.solid(f.resolve("single.png"), 2, 2, 0, "png");
                            return imageFolder(file, file, GRAY);
                        }),
                new BadInput("missing image folder", DataNotFoundException.class, "no such folder",
                        f -> imageFolder(f.resolve("nowhere"), f.resolve("nowhere"), GRAY)),
                new BadInput("dataset in none of the searched folders", DataNotFoundException.class,
                        "not found in any of", f -> new Attempt("mnist train", () -> new IdxDatasetRepository(
                                IdxDatasetSpec.MNIST, new DatasetLocator(IdxDatasetSpec.MNIST, f, name -> null),
                                new Downloader()).load(IdxSplit.TRAIN))),
                new BadInput("download that does not match its SHA-256", ChecksumMismatchException.class,
                        "SHA-256 mismatch", f -> {
                            Path source = Files.writeString(f.resolve("published.gz"), "tampered");
                            Path target = f.resolve("target").resolve("train-images-idx3-ubyte.gz");
                            return new Attempt(target.toString(), () -> new Downloader().download(source.toUri(),
                                    target, "0".repeat(64)));
                        }));
    }

    @Test
    void theCorpusHoldsAtLeastFifteenDistinctCases() {
        List<BadInput> corpus = corpus();
        assertTrue(corpus.size() >= 15);
        assertEquals(corpus.size(), corpus.stream().map(BadInput::name).distinct().count());
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputFailsWithOneClearTypedError() {
        return corpus().stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
            Path folder = Files.createDirectories(dir.resolve(bad.name().replaceAll("[^A-Za-z0-9]+", "-")));
            Attempt attempt = bad.setup().create(folder);
            DataException error = assertThrows(DataException.class, attempt.load());
            String message = error.getMessage();
            assertEquals(bad.type(), error.getClass(), () -> "wrong type for: " + message);
            assertTrue(message.startsWith(attempt.named() + ": "), () -> "must start with the file: " + message);
            assertTrue(message.contains(bad.problem()), () -> "must name the problem '" + bad.problem() + "': "
                    + message);
        }));
    }
}
