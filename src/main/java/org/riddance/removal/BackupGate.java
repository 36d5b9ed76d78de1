package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.Manifest;
import org.riddance.platform.Host;
import org.riddance.platform.MachineIdentity;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.JournalEntry;

/**
 * Removal runs only after a verified backup, or with the technician's recorded reason for having none. The journal
 * says whether there is one: a {@code backup.verified} entry, or a {@code backup.waived} one with a reason that is
 * not blank; {@link #check(Path, Host, RemovalPlan)} says whether the archive itself covers the plan.
 */
public final class BackupGate {

    /** @param open whether removal may run; {@code why} says what the journal holds, or what is missing */
    public record Decision(boolean open, String why) {
    }

    /**
     * What an archive lacks to let this removal plan run.
     *
     * @param missing one line per gap, each saying what to do; empty when removal may run
     */
    public record Coverage(Path archive, boolean open, List<String> missing) {
        public Coverage {
            missing = List.copyOf(missing);
        }

        public String why() {
            return open ? "backup verified and covers the removal: " + archive
                    : "the backup " + archive + " does not cover this removal: " + String.join("; ", missing);
        }
    }

    private BackupGate() {
    }

    /** {@link #check(Path, MachineIdentity, Host, RemovalPlan)} for the machine the host is. */
    public static Coverage check(Path archive, Host host, RemovalPlan plan) throws IOException {
        return check(archive, MachineIdentity.of(host), host, plan);
    }

    /**
     * Reads the archive again (every entry against its manifest), then checks that it was made on this machine
     * and holds everything the plan deletes: each finding, each folder (with every file in it now), each file,
     * registry key and package configuration. An archive of another PC, one that does not verify, or one made
     * before archives named their machine opens nothing.
     */
    public static Coverage check(Path archive, MachineIdentity machine, Host host, RemovalPlan plan) throws IOException {
        ArchiveCheck read = ArchiveVerifier.verify(archive, Progress.NONE, Cancellation.none());
        List<String> missing = new ArrayList<>();
        if (!read.intact() || read.manifest() == null) {
            read.problems().stream().limit(5).forEach(p -> missing.add("the archive does not verify: " + p));
            if (missing.isEmpty()) {
                missing.add("the archive does not verify");
            }
            return new Coverage(archive, false, missing);
        }
        Manifest manifest = read.manifest();
        if (manifest.machineId().isEmpty() && manifest.findings().isEmpty()) {
            missing.add("the archive was made by an earlier Riddance that did not record the machine or the findings it"
                    + " covers: it still restores, but back up again before removing");
            return new Coverage(archive, false, missing);
        }
        if (!manifest.machine().sameAs(machine)) {
            missing.add("the archive was made on " + manifest.machine().describe() + ", not on this machine, "
                    + machine.describe() + ": back up this machine");
            return new Coverage(archive, false, missing);
        }
        PlanCoverage coverage = new PlanCoverage(manifest, host);
        for (RemovalItem item : plan.items()) {
            if (item.blocked().isPresent() || item.actions().isEmpty()) {
                continue; // nothing of it runs
            }
            if (!manifest.findings().contains(item.id())) {
                missing.add(item.product() + " (" + item.id() + ") is not in the archive: back up again with it found");
                continue;
            }
            for (Action action : item.actions()) {
                coverage.missing(action).ifPresent(missing::add);
            }
        }
        return new Coverage(archive, missing.isEmpty(), missing);
    }

    public static Decision check(List<JournalRecord> records) {
        Optional<JournalEntry> last = records.stream().map(JournalRecord::entry)
                .filter(e -> e instanceof BackupVerified || e instanceof BackupWaived)
                .reduce((a, b) -> b);
        if (last.isEmpty()) {
            return new Decision(false, "no verified backup and no recorded reason for going without one: back up "
                    + "first (or record why there is no backup)");
        }
        if (last.get() instanceof BackupVerified v) {
            return v.sha256().isBlank()
                    ? new Decision(false, "the backup record has no checksum: verify the backup again")
                    : new Decision(true, "backup verified: " + v.archive() + " (SHA-256 " + v.sha256() + ")");
        }
        BackupWaived w = (BackupWaived) last.get();
        return w.reason().isBlank()
                ? new Decision(false, "going without a backup needs a reason, and none was recorded")
                : new Decision(true, "backup waived: " + w.reason());
    }
}
