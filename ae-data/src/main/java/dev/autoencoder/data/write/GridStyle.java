package dev.autoencoder.data.write;

/**
 * How an image grid looks.
 *
 * @param zoom display pixels per image pixel (nearest neighbour), or 0 to pick one that makes each
 *     image about 64 pixels across
 * @param minValue the value drawn black (ignored with {@code autoRange})
 * @param maxValue the value drawn white (ignored with {@code autoRange})
 * @param autoRange whether each image is stretched from its own minimum to its own maximum
 * @param gap pixels between cells and around the grid
 * @param fontSize text size in pixels
 */
public record GridStyle(int zoom, float minValue, float maxValue, boolean autoRange, int gap, int fontSize) {

    /** Checks the sizes and the value range. */
    public GridStyle {
        if (zoom < 0 || gap < 0 || fontSize < 1) {
            throw new IllegalArgumentException("zoom and gap must be non-negative and the font size positive");
        }
        if (!autoRange && !(minValue < maxValue)) {
            throw new IllegalArgumentException("value range [" + minValue + ", " + maxValue + "] is empty");
        }
    }

    /** Automatic zoom, values in [0, 1], 4-pixel gaps, 12-pixel text. */
    public static GridStyle defaults() {
        return new GridStyle(0, 0f, 1f, false, 4, 12);
    }

    /** This style with a fixed zoom. */
    public GridStyle withZoom(int newZoom) {
        return new GridStyle(newZoom, minValue, maxValue, autoRange, gap, fontSize);
    }

    /** This style drawing {@code min} black and {@code max} white (e.g. 0 and 255 for raw pixels). */
    public GridStyle withValueRange(float min, float max) {
        return new GridStyle(zoom, min, max, false, gap, fontSize);
    }

    /** This style stretching each image to its own range (for standardised or latent values). */
    public GridStyle withAutoRange() {
        return new GridStyle(zoom, minValue, maxValue, true, gap, fontSize);
    }

    /** The zoom for images whose larger side is {@code side} pixels. */
    int zoomFor(int side) {
        return zoom > 0 ? zoom : Math.max(1, (int) Math.ceil(64.0 / side));
    }
}
