package org.riddance.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** What names a catalog on a receipt and in {@code --version}: its version and the SHA-256 of its bytes. */
public record CatalogStamp(String version, String sha256) {

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
