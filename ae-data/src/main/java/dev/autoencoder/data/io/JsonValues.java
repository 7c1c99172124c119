package dev.autoencoder.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records as JSON, the way ae stores them in files and checkpoint metadata: compact, and read leniently (fields a
 * later release added are ignored), with a clear error for anything that is not the expected value.
 */
public final class JsonValues {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonValues() {
    }

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    /** {@code value} as indented JSON, for files people read. */
    public static byte[] writePretty(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    /**
     * The {@code type} written as {@code json}.
     *
     * @param what names the value in the error, e.g. {@code a data recipe}
     * @throws IllegalArgumentException when {@code json} is not one
     */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
