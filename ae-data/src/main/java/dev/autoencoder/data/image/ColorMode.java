package dev.autoencoder.data.image;

/** How many channels loaded images get. */
public enum ColorMode {
    /** One channel: luminance {@code 0.299 R + 0.587 G + 0.114 B}. */
    GRAYSCALE(1),
    /** Three channels, red, green, blue, as separate planes (CHW). */
    RGB(3);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    /** Number of channels per image. */
    public int channels() {
        return channels;
    }
}
