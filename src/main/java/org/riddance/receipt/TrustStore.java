package org.riddance.receipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The office's trusted technician keys: the data folder's {@code trusted-keys} folder, one PEM public key a file,
 * named by fingerprint. A receipt is valid only under a key in here (or one named with {@code verify --trust});
 * a key that travels with a receipt proves nothing, since a forger would ship his own.
 */
public final class TrustStore {

    public static final String FOLDER = "trusted-keys";
    /** A PEM public key is well under a kilobyte; anything far larger is not one. */
    static final long MAX_PEM_BYTES = 64 * 1024;

    private final Path folder;

    public TrustStore(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    /** One trusted key: its fingerprint and the file that holds it. */
    public record Entry(String fingerprint, Path file) {
    }

    public Path folder() {
        return folder;
    }

    /** Adds the key in {@code pem}; a key already trusted is left as it is. Returns the entry and whether it was new. */
    public Added add(Path pem) throws IOException {
        PublicKey key = TrustedKeys.readPem(pem);
        String fingerprint = SigningKey.fingerprint(key);
        Optional<Entry> existing = find(fingerprint);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(fingerprint + ".pem");
        Path temporary = Files.createTempFile(folder, ".trust", ".part");
        try {
            Files.writeString(temporary, SigningKey.pem(key), StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new Added(new Entry(fingerprint, target), true);
    }

    public record Added(Entry entry, boolean isNew) {
    }

    /** Every trusted key, by fingerprint; a file that is not a key is an error, named. */
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                entries.add(new Entry(SigningKey.fingerprint(TrustedKeys.readPem(file)), file));
            }
        }
        return entries;
    }

    /**
     * Removes the key given as a PEM file, a fingerprint, or a fingerprint's first 8 or more hex digits when only one
     * key starts so; returns what was removed, empty when no trusted key matched.
     */
    public List<Entry> remove(String pemOrFingerprint) throws IOException {
        Path asFile = Path.of(pemOrFingerprint);
        String wanted = Files.isRegularFile(asFile)
                ? SigningKey.fingerprint(TrustedKeys.readPem(asFile))
                : pemOrFingerprint.replace(" ", "").replace(":", "").toLowerCase(Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{8,64}")) {
            throw new IOException("'" + pemOrFingerprint + "' is neither a PEM file nor a key fingerprint (8 to 64 hex digits)");
        }
        List<Entry> matching = list().stream().filter(e -> e.fingerprint().startsWith(wanted)).toList();
        if (matching.size() > 1) {
            throw new IOException(matching.size() + " trusted keys start with " + wanted + "; give more of the fingerprint");
        }
        for (Entry entry : matching) {
            Files.delete(entry.file());
        }
        return matching;
    }

    public Optional<Entry> find(String fingerprint) throws IOException {
        return list().stream().filter(e -> e.fingerprint().equals(fingerprint)).findFirst();
    }

    /** The keys to verify with: this folder's, and the technician's own public key in the data folder, if present. */
    public static TrustedKeys forVerifying(Path dataDir) throws IOException {
        return TrustedKeys.loadAll(List.of(dataDir.resolve(FOLDER),
                dataDir.resolve("keys").resolve(TechnicianKeystore.PUBLIC_KEY)));
    }
}
