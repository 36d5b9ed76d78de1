package org.riddance.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import org.riddance.platform.MachineIdentity;

/**
 * The archive's table of contents, written as its last entry {@value #NAME} once every hash is known.
 * Licence facts (key type, expiry) are kept here; licence keys never are.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Manifest(String format, String session, String created, String hostname, String appVersion,
                       List<ManifestEntry> entries, List<SkippedSource> skipped, List<LicenceFact> licences,
                       String machineId, List<String> findings, List<Covered> covers) {

    public static final String NAME = "manifest.json";
    public static final String FORMAT = "riddance-backup/1";
    /** About 300 bytes an entry: room for some 200,000 files, far past any product's folders. */
    public static final int MAX_BYTES = 64 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Manifest {
        entries = entries == null ? List.of() : List.copyOf(entries);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        licences = licences == null ? List.of() : List.copyOf(licences);
        machineId = machineId == null ? "" : machineId;
        findings = findings == null ? List.of() : List.copyOf(findings);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /** A manifest as archives before the machine binding wrote them: verifies and restores, but unlocks no removal. */
    public Manifest(String format, String session, String created, String hostname, String appVersion,
                    List<ManifestEntry> entries, List<SkippedSource> skipped, List<LicenceFact> licences) {
        this(format, session, created, hostname, appVersion, entries, skipped, licences, "", List.of(), List.of());
    }

    /** The machine the archive was made on. */
    @JsonIgnore
    public MachineIdentity machine() {
        return new MachineIdentity(hostname, machineId);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("A manifest always serialises", e);
        }
    }

    public static Manifest parse(byte[] json) throws IOException {
        if (json.length > MAX_BYTES) {
            throw new IOException("manifest.json is " + json.length + " bytes, more than the " + (MAX_BYTES >> 20)
                    + " MB a manifest of even millions of files needs; this is not a Riddance manifest");
        }
        Manifest manifest = JSON.readValue(json, Manifest.class);
        if (!FORMAT.equals(manifest.format())) {
            throw new IOException("Not a Riddance back-up manifest (format '" + manifest.format() + "')");
        }
        return manifest;
    }

    /**
     * A whole thing the archive holds, so the removal gate can tell it is safe to delete: a folder (every file
     * in it at back-up time is an entry or a skipped source), a registry key, or a package's configuration.
     *
     * @param kind {@value #FOLDER}, {@value #REGISTRY_KEY}, {@value #PACKAGE} (its changed and configuration
     *             files) or {@value #FILE}
     */
    public record Covered(String product, String item, String kind, String source) {
        public static final String FOLDER = "folder";
        public static final String REGISTRY_KEY = "registry-key";
        public static final String PACKAGE = "package";
        public static final String FILE = "file";
    }

    /** A source the back-up could not read, kept in the manifest so the gap is on record. */
    public record SkippedSource(String source, String product, String item, String reason) {
    }
}
