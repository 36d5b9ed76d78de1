package org.riddance.backup;

import org.riddance.journal.entry.BackupVerified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Hosts;
import org.riddance.session.SessionInfo;

/** What the journal says about the back-up: interrupted, settled (verified or waived) or not. */
class BackupRecordsTest {

    @TempDir
    Path data;

    @Test
    void aStartWithoutAnEndIsAnInterruptedBackup() throws IOException {
        JournalContents journal = journal(session -> session.record(
                BackupRecords.started("/media/stick/riddance-backup-pc-1.zip", new BackupPlan(List.of(), List.of()))));

        assertThat(BackupRecords.interrupted(journal)).contains("/media/stick/riddance-backup-pc-1.zip");
    }

    @Test
    void aVerifiedBackupEndsIt() throws IOException {
        JournalContents verified = journal(session -> {
            session.record(BackupRecords.started("a.zip", new BackupPlan(List.of(), List.of())));
            session.record(new BackupVerified("a.zip", "00", 10, 1, List.of()));
        });
        assertThat(BackupRecords.interrupted(verified)).isEmpty();
        assertThat(org.riddance.removal.BackupGate.check(verified.records()).open()).isTrue();
    }

    @Test
    void aWaiverNeedsAReasonAndOpensTheGate() throws IOException {
        assertThatThrownBy(() -> BackupRecords.waived("  ")).hasMessageContaining("reason");
        JournalContents waived = journal(session -> session.record(
                BackupRecords.waived("Customer has its own image backup from this morning")));
        assertThat(org.riddance.removal.BackupGate.check(waived.records()).open()).isTrue();
    }

    private interface Writes {
        void to(SessionJournal session) throws IOException;
    }

    private JournalContents journal(Writes writes) throws IOException {
        SessionStore store = new SessionStore(data.resolve(String.valueOf(System.nanoTime())), Clock.systemUTC());
        try (SessionJournal session = store.start(new SessionInfo("Ana Silva", "T-17", "Acme", "INC-1", ""),
                Hosts.sandbox(data).os(), "test")) {
            writes.to(session);
            return JournalContents.read(session.journal().file());
        }
    }
}
