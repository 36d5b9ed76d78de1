package org.riddance.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * The archive's table of contents, written as its last entry {@value #NAME} once every hash is known.
 * Licence facts (key type, expiry) are kept here; licence keys never are.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Manifest(String format, String session, String created, String hostname, String appVersion,
                       List<ManifestEntry> entries, List<SkippedSource> skipped, List<LicenceFact> licences) {

    public static final String NAME = "manifest.json";
    public static final String FORMAT = "riddance-backup/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Manifest {
        entries = entries == null ? List.of() : List.copyOf(entries);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        licences = licences == null ? List.of() : List.copyOf(licences);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("A manifest always serialises", e);
        }
    }

    public static Manifest parse(byte[] json) throws IOException {
        Manifest manifest = JSON.readValue(json, Manifest.class);
        if (!FORMAT.equals(manifest.format())) {
            throw new IOException("Not a Riddance back-up manifest (format '" + manifest.format() + "')");
        }
        return manifest;
    }

    /** A source the back-up could not read, kept in the manifest so the gap is on record. */
    public record SkippedSource(String source, String product, String item, String reason) {
    }
}
