package org.riddance.receipt;

import org.riddance.journal.entry.AntivirusChecked;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.ScannedProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riddance.catalog.CatalogLoader;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.platform.OsFamily;
import org.riddance.session.SessionInfo;

/**
 * Receipts issued for real (journal, evidence bundle, signature, PDF) from a session whose journal records what
 * the steps record: a scan with {@code findings} real Kaspersky product names, their removal outcomes, a back-up
 * and an antivirus check. Product names from Kaspersky's own product pages and the catalog.
 */
final class IssuedSamples {

    static final char[] PASSPHRASE = "correct horse".toCharArray();

    private IssuedSamples() {
    }

    /** What the session did; {@code waiver} empty for a verified back-up. */
    record Session(int findings, String failedRemoval, boolean antivirusPasses, String waiver, boolean demo) {
        static Session passing(int findings) {
            return new Session(findings, "", true, "", false);
        }
    }

    static SigningKey key(Path dir) throws Exception {
        return TechnicianKeystore.create(dir, PASSPHRASE, "Ana Technician", Clock.systemUTC());
    }

    static ReceiptIssuer.Issued issue(Path data, SigningKey key, Session s) throws IOException {
        OsFacts os = new OsFacts(OsFamily.WINDOWS, "Windows 11 Pro 23H2", "10.0.22631", "amd64", "RECEPTION-PC", "PF3K2L9X");
        SessionStore store = new SessionStore(data, Clock.systemUTC());
        try (SessionJournal session = store.start(new SessionInfo("José Müller", "T-0042", "Zürich Praxis Dr. Ångström",
                "INC 4711", ""), os, "test")) {
            List<ScannedProduct> findings = new ArrayList<>();
            List<ReceiptView.ProductLine> names = SampleReceipts.products(s.findings());
            for (int i = 0; i < names.size(); i++) {
                findings.add(new ScannedProduct("kaspersky-" + i, names.get(i).name(), names.get(i).version(), "product",
                        1, List.of()));
            }
            session.record(new ScanCompleted(findings.isEmpty() ? "clean" : "banned-found", "1", "00", "built-in",
                    List.of(), findings));
            if (s.waiver().isEmpty()) {
                session.record(new BackupVerified("D:\\Backups\\riddance-backup-RECEPTION-PC-20261123-1402.zip",
                        "3f2a9bc10d4e77aa51c3e0f2b8d96a4c7e1f0b2d3c4a5968778695a4b3c2d1e0", 1_258_485_353L, 42, List.of()));
            } else {
                session.record(new BackupWaived(s.waiver()));
            }
            for (int i = 0; i < names.size(); i++) {
                session.record(new RemovalOutcome("kaspersky-" + i,
                        names.get(i).name().equals(s.failedRemoval()) ? "failed" : "removed", ""));
            }
            session.record(s.antivirusPasses()
                    ? new AntivirusChecked("Microsoft Defender Antivirus 4.18.24090", "enabled", 0, "detected", true)
                    : new AntivirusChecked("Microsoft Defender Antivirus 4.18.24090", "disabled", 12, "not-detected", false));
            return ReceiptIssuer.issue(session, os, CatalogLoader.builtIn(), "0.1.0-SNAPSHOT", key,
                    data.resolve("receipts"), Clock.systemUTC(), s.demo());
        }
    }
}
