package org.riddance.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What names a catalog in {@code --version} and on a receipt: its version and the SHA-256 of its bytes. Kept apart
 * from {@link CatalogLoader}, whose Jackson databind set-up costs more than {@code --version} may take.
 */
public record CatalogStamp(String version, String sha256) {

    /** The built-in catalog's stamp, without binding the catalog. */
    public static CatalogStamp builtIn() {
        byte[] content = builtInBytes();
        return new CatalogStamp(versionOf(content), sha256(content));
    }

    static byte[] builtInBytes() {
        try (InputStream in = CatalogStamp.class.getResourceAsStream(CatalogLoader.BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in catalog " + CatalogLoader.BUILT_IN + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The built-in catalog could not be read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level {@code version}, read with the streaming parser: the rest of the file is skipped, not bound. */
    static String versionOf(byte[] content) {
        try (JsonParser json = new JsonFactory().createParser(content)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("The built-in catalog is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if ("version".equals(field)) {
                    return json.getValueAsString();
                }
                json.skipChildren();
            }
            throw new IllegalStateException("The built-in catalog has no version");
        } catch (IOException e) {
            throw new IllegalStateException("The built-in catalog is not valid JSON: " + e.getMessage(), e);
        }
    }
}
