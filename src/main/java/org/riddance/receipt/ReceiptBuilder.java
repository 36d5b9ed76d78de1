package org.riddance.receipt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.entry.AntivirusChecked;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.journal.entry.RemovalCompleted;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.ScannedProduct;
import org.riddance.journal.entry.SessionStarted;
import org.riddance.session.SessionInfo;

/**
 * Builds the receipt's payload from the session journal alone, so a receipt can only say what the journal
 * recorded: the session's start and Welcome facts, the last scan, the back-up (verified or waived), each
 * removal outcome and the replacement antivirus check.
 * The result is "pass" only when a complete scan's findings were all removed and the replacement antivirus
 * passed; "fail" when a removal or the antivirus check failed; "incomplete" otherwise.
 */
public final class ReceiptBuilder {

    private ReceiptBuilder() {
    }

    /**
     * @param machine    hostname, OS and serial as the host reports them
     * @param evidence   SHA-256 of the evidence bundle saved beside the receipt
     */
    public static ReceiptPayload build(String receiptId, JournalContents journal, ReceiptPayload.Machine machine,
                                       String catalogVersion, String catalogSha256, String evidence, String appVersion,
                                       String keyFingerprint, Clock clock) {
        JournalRecord startedRecord = journal.firstRecord(SessionStarted.class)
                .orElseThrow(() -> new IllegalArgumentException("The journal has no session.started record"));
        SessionStarted started = (SessionStarted) startedRecord.entry();
        SessionInfo info = SessionJournal.info(journal);
        Optional<ScanCompleted> scan = journal.last(ScanCompleted.class);
        Map<String, String> outcomes = new HashMap<>();
        journal.all(RemovalOutcome.class).forEach(o -> outcomes.put(o.id(), o.outcome()));

        List<ReceiptPayload.ProductOutcome> products = new ArrayList<>();
        for (ScannedProduct finding : scan.map(ScanCompleted::findings).orElse(List.of())) {
            products.add(new ReceiptPayload.ProductOutcome(finding.id(), finding.product(), finding.version(),
                    outcomes.getOrDefault(finding.id(), "not-removed"), finding.managedBy()));
        }
        Optional<AntivirusChecked> checked = journal.last(AntivirusChecked.class);
        ReceiptPayload.Antivirus antivirus = checked
                .map(a -> new ReceiptPayload.Antivirus(a.name(), a.state(), a.defsAgeDays(), a.eicar()))
                .orElse(ReceiptPayload.Antivirus.notChecked());

        return new ReceiptPayload(receiptId, machine,
                new ReceiptPayload.Technician(info.technicianName(), info.technicianId()),
                info.site(), info.ticket(), startedRecord.time(), clock.instant(),
                result(scan, products, checked), products, backup(journal), antivirus,
                catalogVersion, catalogSha256, journal.headHash(), evidence, appVersion, keyFingerprint,
                info.notes(), "", started.demo(),
                journal.last(RemovalCompleted.class).map(c -> (long) c.kept().size()).orElse(0L));
    }

    private static String result(Optional<ScanCompleted> scan, List<ReceiptPayload.ProductOutcome> products,
                                 Optional<AntivirusChecked> antivirus) {
        boolean failed = products.stream().anyMatch(p -> p.outcome().equals("failed"))
                || antivirus.map(a -> !a.pass()).orElse(false);
        if (failed) {
            return "fail";
        }
        boolean scanComplete = scan.map(s -> !s.status().equals("incomplete")).orElse(false);
        boolean allGone = products.stream().allMatch(p -> p.outcome().equals("removed") || p.outcome().equals("cleaned"));
        boolean antivirusPassed = antivirus.map(AntivirusChecked::pass).orElse(false);
        return scanComplete && allGone && antivirusPassed ? "pass" : "incomplete";
    }

    private static ReceiptPayload.Backup backup(JournalContents journal) {
        Optional<JournalRecord> verified = journal.lastRecord(BackupVerified.class);
        Optional<JournalRecord> waived = journal.lastRecord(BackupWaived.class);
        if (verified.isPresent() && (waived.isEmpty() || verified.get().seq() > waived.get().seq())) {
            BackupVerified v = (BackupVerified) verified.get().entry();
            return ReceiptPayload.Backup.archive(v.sha256(), v.bytes());
        }
        return waived.map(r -> ReceiptPayload.Backup.waived(((BackupWaived) r.entry()).reason()))
                .orElse(ReceiptPayload.Backup.notMade());
    }
}
