package org.riddance.receipt;

import org.riddance.journal.entry.ScannedProduct;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.AntivirusChecked;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.session.SessionInfo;

class ReceiptBuilderTest {

    private static final OsFacts OS = new OsFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "12", "amd64", "reception-pc", "");
    private static final ReceiptPayload.Machine MACHINE = new ReceiptPayload.Machine("reception-pc", "Debian GNU/Linux 12", "PF3ABC12");

    @Test
    void saysOnlyWhatTheJournalRecordedAndIsIncompleteUntilEveryStepRan(@TempDir Path data) throws Exception {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        Path journalFile;
        String id;
        try (SessionJournal session = store.start(new SessionInfo("José Müller", "T-017", "Zürich Praxis", "INC-1", ""), OS, "t")) {
            session.record(new ScanCompleted("banned-found", "1", "00", "built-in", List.of(), List.of(
                    new ScannedProduct("kesl", "Kaspersky Endpoint Security for Linux", "12.1.0-1297", "product", 5, List.of()))));
            journalFile = session.journal().file();
            id = session.id();
        }

        ReceiptPayload payload = build(id, journalFile);

        assertThat(payload.technician().name()).isEqualTo("José Müller");
        assertThat(payload.products()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Kaspersky Endpoint Security for Linux");
            assertThat(p.outcome()).isEqualTo("not-removed");
        });
        assertThat(payload.backup().status()).isEqualTo("not-made");
        assertThat(payload.antivirus().state()).isEqualTo("not-checked");
        assertThat(payload.result()).isEqualTo("incomplete");
        assertThat(payload.journalHead()).isEqualTo(JournalContents.read(journalFile).headHash());
        assertThat(payload.id()).isEqualTo("R-" + id);  // as build() below names it
    }

    @Test
    void passesOnlyWhenEverythingWasRemovedAndTheReplacementPassed(@TempDir Path data) throws Exception {
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        Path journalFile;
        String id;
        try (SessionJournal session = store.start(new SessionInfo("Ana Silva", "", "Acme", "", ""), OS, "t")) {
            session.record(new ScanCompleted("banned-found", "1", "00", "built-in", List.of(), List.of(
                    new ScannedProduct("kesl", "Kaspersky Endpoint Security for Linux", "12.1.0-1297", "product", 3, List.of()))));
            session.record(new BackupWaived("customer declined"));
            session.record(new BackupVerified("a.zip", "ab".repeat(32), 1234, 3, List.of()));
            session.record(new RemovalOutcome("kesl", "removed", ""));
            session.record(new org.riddance.journal.entry.RemovalCompleted(1, 0, 0, 0, List.of(), List.of(),
                    List.of("/var/opt/kaspersky/kesl/common/uninstall.log (not in the back-up)")));
            session.record(new AntivirusChecked("ClamAV", "on", 1, "detected", true));
            journalFile = session.journal().file();
            id = session.id();
        }

        ReceiptPayload payload = build(id, journalFile);

        assertThat(payload.result()).isEqualTo("pass");
        assertThat(payload.backup()).isEqualTo(ReceiptPayload.Backup.archive("ab".repeat(32), 1234));
        assertThat(payload.antivirus()).isEqualTo(new ReceiptPayload.Antivirus("ClamAV", "on", 1, "detected"));
        assertThat(payload.products().get(0).outcome()).isEqualTo("removed");
        assertThat(payload.kept()).as("a leftover removal kept, as no back-up held it").isEqualTo(1);
        assertThat(payload.toMap()).containsEntry("kept", 1L);
        assertThat(ReceiptDocument.view(payload, org.riddance.catalog.CatalogLoader.builtIn(), "RDR2:X").backup())
                .contains("Leftovers kept: 1 file or key removal did not delete");
    }

    private static ReceiptPayload build(String id, Path journalFile) throws Exception {
        return ReceiptBuilder.build("R-" + id, JournalContents.read(journalFile), MACHINE, "2026.11.23", "95a8".repeat(16),
                "e1de".repeat(16), "0.1.0", "f00d".repeat(16), Clock.systemUTC());
    }
}
