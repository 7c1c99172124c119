package dev.autoencoder.data.bundled;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import dev.autoencoder.data.csv.HeaderMode;
import dev.autoencoder.data.io.DataSource;

/**
 * The 8x8 handwritten digits shipped inside ae-data, so that examples and tests run on real data
 * with no download: 1,797 grayscale images of shape {@code {1, 8, 8}} with integer pixel values
 * 0..16 ({@link #MAX_PIXEL}) and labels 0..9.
 *
 * <p>Source: "Optical Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak, 1998, UCI
 * Machine Learning Repository, licensed CC BY 4.0; the file is the copy redistributed in Debian's
 * {@code python3-sklearn} package. See {@code NOTICE.md} of ae-data.
 */
public final class BundledDigits {
    /** The classpath resource holding the digits: 64 pixel columns then the label, no header, gzip. */
    public static final String RESOURCE = "/dev/autoencoder/data/digits.csv.gz";
    /** The largest pixel value; divide by it (or use {@code MinMaxScaler.ofRange(0, 16)}) to get [0, 1]. */
    public static final float MAX_PIXEL = 16f;
    /** The side of each square image in pixels. */
    public static final int SIDE = 8;

    private static final int LABEL_COLUMN = SIDE * SIDE;

    private BundledDigits() {
    }

    /** Loads the 1,797 digits, in the order of the original file, as a dataset named {@code digits}. */
    public static Dataset load() {
        CsvOptions options = CsvOptions.defaults()
                .withHeader(HeaderMode.ABSENT)
                .withLabelColumn(ColumnRef.index(LABEL_COLUMN));
        return new CsvLoader()
                .load(DataSource.resource(BundledDigits.class, RESOURCE), "digits", options)
                .reshape(1, SIDE, SIDE);
    }
}
