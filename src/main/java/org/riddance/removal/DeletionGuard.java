package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.Manifest;
import org.riddance.backup.ManifestEntry;
import org.riddance.backup.Sha256;
import org.riddance.catalog.LeftoverRules;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Removal deletes no file that is in no verified archive, unless the technician waived the back-up (issue 14).
 * The gate checks the plan before removal starts; this checks each path again as it is deleted, because
 * uninstallers write after the back-up (a new log, a renamed folder) and the leftover sweep deletes what they
 * leave. A file may go when the archive in force holds it under its path with the same SHA-256; a registry key
 * when the archive covers it. Everything else is kept, and said.
 *
 * <p>The archive in force is the journal's last {@code backup.verified} (unless a later {@code backup.waived}
 * replaced it); it is read back whole, once, on the first delete, and must still have the journaled SHA-256.
 */
final class DeletionGuard {

    static final String NOT_IN_BACKUP = "not in the back-up";

    private final List<JournalRecord> records;
    private boolean loaded;
    private boolean waived;
    private String unusable = "";
    private Manifest manifest;
    private final Map<String, String> archived = new HashMap<>();

    private DeletionGuard(List<JournalRecord> records) {
        this.records = List.copyOf(records);
    }

    /** The guard for what the journal says about the back-up so far. */
    static DeletionGuard of(List<JournalRecord> records) {
        return new DeletionGuard(records);
    }

    /** Empty when {@code file} (at {@code systemPath}) may be deleted; else why it is kept. */
    Optional<String> keepFile(String systemPath, Path file) {
        load();
        if (waived) {
            return Optional.empty();
        }
        if (manifest == null) {
            return Optional.of(unusable);
        }
        if (Files.isSymbolicLink(file)) {
            return Optional.empty(); // deleting a link loses no data; its target is never touched
        }
        String sha256 = archived.get(key(systemPath));
        if (sha256 == null) {
            return Optional.of(NOT_IN_BACKUP);
        }
        try {
            return sha256.equals(Sha256.of(file)) ? Optional.empty()
                    : Optional.of(NOT_IN_BACKUP + ": changed since the back-up was made");
        } catch (IOException e) {
            return Optional.of("cannot be read to compare with the back-up: " + e.getMessage());
        }
    }

    /** Empty when the registry key may be deleted; else why it is kept. */
    Optional<String> keepKey(String keyPath) {
        load();
        if (waived) {
            return Optional.empty();
        }
        if (manifest == null) {
            return Optional.of(unusable);
        }
        String wanted = LeftoverRules.normal(keyPath).toLowerCase(Locale.ROOT);
        boolean covered = manifest.covers().stream().filter(c -> c.kind().equals(Manifest.Covered.REGISTRY_KEY))
                .map(c -> LeftoverRules.normal(c.source()).toLowerCase(Locale.ROOT))
                .anyMatch(c -> wanted.equals(c) || wanted.startsWith(c + "/"));
        return covered ? Optional.empty() : Optional.of(NOT_IN_BACKUP);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Optional<JournalRecord> decision = records.stream()
                .filter(r -> r.entry() instanceof BackupVerified || r.entry() instanceof BackupWaived)
                .reduce((a, b) -> b);
        if (decision.isEmpty()) {
            unusable = "no verified back-up is on record and none was waived";
            return;
        }
        if (decision.get().entry() instanceof BackupWaived w) {
            waived = !w.reason().isBlank();
            unusable = "the back-up was waived without a reason";
            return;
        }
        BackupVerified verified = (BackupVerified) decision.get().entry();
        Path archive = Path.of(verified.archive());
        try {
            ArchiveCheck check = ArchiveVerifier.verify(archive, Progress.NONE, Cancellation.none());
            if (!check.intact() || check.manifest() == null || !check.sha256().equals(verified.sha256())) {
                unusable = "the back-up " + archive + " no longer reads as it was verified: "
                        + (check.problems().isEmpty() ? "its SHA-256 changed" : check.problems().get(0));
                return;
            }
            manifest = check.manifest();
            for (ManifestEntry e : manifest.entries()) {
                if (ManifestEntry.FILE.equals(e.kind())) {
                    archived.put(key(e.source()), e.sha256());
                }
            }
        } catch (IOException e) {
            unusable = "the back-up " + archive + " cannot be read now (" + e.getMessage()
                    + "): connect its drive and run removal again";
        }
    }

    /** Windows paths compare without case, as Windows names them. */
    private static String key(String systemPath) {
        return systemPath.contains("\\") ? systemPath.toLowerCase(Locale.ROOT) : systemPath;
    }
}
