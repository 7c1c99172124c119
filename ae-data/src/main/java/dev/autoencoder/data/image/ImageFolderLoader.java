package dev.autoencoder.data.image;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.io.DataSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a folder of PNG and JPEG images into a {@link Dataset} of shape {@code {C, H, W}} with
 * values 0..255. Two layouts are understood:
 *
 * <ul>
 *   <li>class subfolders ({@code root/cat/1.png}, {@code root/dog/2.jpg}): the subfolder name is the
 *       class, classes are sorted by name and label {@code i} is the i-th class;
 *   <li>images directly in the folder: an unlabeled dataset.
 * </ul>
 *
 * <p>Files are read in sorted order; other files are ignored. Images are resized when the options
 * give a target size; otherwise they must all have the size of the first. Any image that cannot be
 * decoded stops the load with an error naming it.
 */
public final class ImageFolderLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderLoader.class);

    private record Entry(Path file, int label) {
    }

    /**
     * Loads {@code folder}; the dataset is named after it.
     *
     * @throws DataNotFoundException when the folder is missing, is a file, or holds no images
     * @throws DataFormatException when an image cannot be decoded, sizes differ without a target
     *     size, or images sit both in the folder and in class subfolders
     */
    public Dataset load(Path folder, ImageFolderOptions options) {
        requireFolder(folder);
        List<String> classNames = new ArrayList<>();
        List<Entry> entries = listEntries(folder, classNames);
        ColorMode mode = options.colorMode();
        BufferedImage first = decode(entries.get(0).file());
        int width = options.resizes() ? options.width() : first.getWidth();
        int height = options.resizes() ? options.height() : first.getHeight();
        int imageSize = Math.multiplyExact(mode.channels(), Math.multiplyExact(width, height));
        float[] data = new float[Math.multiplyExact(entries.size(), imageSize)];
        int[] labels = classNames.isEmpty() ? null : new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            BufferedImage image = i == 0 ? first : decode(entry.file());
            if (options.resizes()) {
                image = ImagePixels.resize(image, width, height);
            } else if (image.getWidth() != width || image.getHeight() != height) {
                throw new DataFormatException(entry.file(), "is " + image.getWidth() + "x" + image.getHeight()
                        + " but " + entries.get(0).file() + " is " + width + "x" + height
                        + "; images of mixed sizes need a target size (ImageFolderOptions.resizedTo)");
            }
            ImagePixels.copyPixels(image, mode, data, i * imageSize);
            if (labels != null) {
                labels[i] = entry.label();
            }
        }
        Dataset dataset = new Dataset(String.valueOf(folder.getFileName()), data,
                new int[] {mode.channels(), height, width}, labels, classNames);
        LOG.info("loaded {} from {}", dataset, folder);
        return dataset;
    }

    /** Whether {@code file} has a PNG or JPEG extension (case-insensitive). */
    static boolean isImageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))
                && Files.isRegularFile(file);
    }

    private static void requireFolder(Path folder) {
        if (!Files.exists(folder)) {
            throw new DataNotFoundException(folder, "no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataNotFoundException(folder, "is a file, expected a folder of images");
        }
    }

    /** The images to load, in order; fills {@code classNames} when the folder has class subfolders. */
    private static List<Entry> listEntries(Path folder, List<String> classNames) {
        List<Path> children = sortedChildren(folder);
        List<Entry> entries = new ArrayList<>();
        for (Path child : children) {
            if (!Files.isDirectory(child) || child.getFileName().toString().startsWith(".")) {
                continue;
            }
            List<Path> images = sortedChildren(child).stream().filter(ImageFolderLoader::isImageFile).toList();
            if (images.isEmpty()) {
                LOG.warn("{}: subfolder {} holds no PNG or JPEG images and is not a class", folder, child.getFileName());
                continue;
            }
            int label = classNames.size();
            classNames.add(child.getFileName().toString());
            images.forEach(image -> entries.add(new Entry(image, label)));
        }
        List<Path> loose = children.stream().filter(ImageFolderLoader::isImageFile).toList();
        if (!loose.isEmpty() && !classNames.isEmpty()) {
            throw new DataFormatException(folder, "holds images both directly (" + loose.get(0).getFileName()
                    + ") and in class subfolders " + classNames + "; move every image into a class subfolder");
        }
        loose.forEach(image -> entries.add(new Entry(image, -1)));
        if (entries.isEmpty()) {
            throw new DataNotFoundException(folder, "holds no PNG or JPEG images, directly or in class subfolders");
        }
        return entries;
    }

    private static List<Path> sortedChildren(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(Path file) {
        DataSource.requireReadableFile(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // decoders report corrupt data with IOExceptions but also with runtime exceptions
            throw new DataFormatException(file, "cannot be decoded as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DataFormatException(file, "is not a readable PNG or JPEG image (no decoder accepts its bytes)");
        }
        return image;
    }
}
