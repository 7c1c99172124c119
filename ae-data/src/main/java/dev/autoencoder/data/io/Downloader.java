package dev.autoencoder.data.io;

import dev.autoencoder.data.ChecksumMismatchException;
import dev.autoencoder.data.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a published file (http, https or file URL) to a local path and verifies it against its
 * published SHA-256 digest. The download is written by {@link AtomicFiles}, which renames it into place only
 * after the digest matches, so the target is either a verified copy or absent. A target that
 * already exists with the right digest is not downloaded again.
 */
public final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** A downloader with the given connection and read timeouts. */
    public Downloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A downloader with 30 s to connect and 60 s between bytes. */
    public Downloader() {
        this(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * Makes {@code target} a verified copy of {@code source}.
     *
     * @param expectedSha256 the published digest, hex (case-insensitive)
     * @return {@code target}
     * @throws ChecksumMismatchException when the downloaded bytes do not match (nothing is kept)
     * @throws DataException when the download fails
     */
    public Path download(URI source, Path target, String expectedSha256) {
        String expected = expectedSha256.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(target) && Sha256.of(target).equals(expected)) {
            LOG.debug("{} already present and verified, not downloading {}", target, source);
            return target;
        }
        LOG.info("downloading {} to {}", source, target);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.replace(target, channel -> {
                String actual = fetch(source, Channels.newOutputStream(channel));
                if (!actual.equals(expected)) {
                    throw new ChecksumMismatchException(target, expected, actual);
                }
            });
            return target;
        } catch (IOException e) {
            throw DataException.ofSource(source.toString(), "download to " + target + " failed: " + e, e);
        }
    }

    /** Copies {@code source} to {@code sink} (left open) and returns the SHA-256 digest of the bytes. */
    private String fetch(URI source, OutputStream sink) throws IOException {
        URLConnection connection = source.toURL().openConnection();
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        if (connection instanceof HttpURLConnection http) {
            http.setInstanceFollowRedirects(true);
            int status = http.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                http.disconnect();
                throw new IOException("HTTP status " + status);
            }
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = connection.getInputStream()) {
            in.transferTo(new DigestOutputStream(sink, digest));
        }
        return Sha256.hex(digest);
    }
}
