package org.riddance.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.riddance.work.Sha256Hex;

/**
 * What names a catalog in {@code --version} and on a receipt: its version and the SHA-256 of its bytes. Kept apart
 * from {@link CatalogLoader}, whose Jackson databind set-up costs more than {@code --version} may take.
 */
public record CatalogStamp(String version, String sha256) {

    /** Written by the build beside the built-in catalog; see {@link #main}. */
    static final String BUILT_IN_STAMP = "/org/riddance/catalog/banned-products.stamp";

    /** The built-in catalog's stamp, without binding the catalog: as the build wrote it, or worked out here. */
    public static CatalogStamp builtIn() {
        try (InputStream in = CatalogStamp.class.getResourceAsStream(BUILT_IN_STAMP)) {
            if (in != null) {
                Properties stamp = new Properties();
                stamp.load(in);
                return new CatalogStamp(stamp.getProperty("version"), stamp.getProperty("sha256"));
            }
        } catch (IOException e) {
            // worked out from the catalog below
        }
        return of(builtInBytes());
    }

    static CatalogStamp of(byte[] content) {
        return new CatalogStamp(versionOf(content), sha256(content));
    }

    /** Run by {@code mvn process-classes}: writes the built-in catalog's stamp to the file named. */
    public static void main(String[] args) throws IOException {
        CatalogStamp stamp = of(builtInBytes());
        Files.writeString(Path.of(args[0]), "version=" + stamp.version() + "\nsha256=" + stamp.sha256() + "\n",
                StandardCharsets.ISO_8859_1);
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
        return Sha256Hex.of(content);
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
