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

/**
 * Builds the receipt's payload from the session journal alone, so a receipt can only say what the journal
 * recorded. The records it reads are the contract with the steps that write them:
 * <ul>
 * <li>{@code session.started} / {@code session.details}: technician, site, ticket</li>
 * <li>{@code scan.completed}: the findings and whether the scan was complete</li>
 * <li>{@code backup.verified} ({@code sha256}, {@code bytes}) or {@code backup.waived} ({@code reason})</li>
 * <li>{@code removal.outcome} ({@code id}, {@code outcome}: removed, cleaned, failed, skipped)</li>
 * <li>{@code antivirus.checked} ({@code name}, {@code state}, {@code defsAgeDays}, {@code eicar}, {@code pass})</li>
 * </ul>
 * The result is "pass" only when a complete scan's findings were all removed and the replacement antivirus
 * passed; "fail" when a removal or the antivirus check failed; "incomplete" otherwise.
 */
public final class ReceiptBuilder {

    public static final String SCAN = "scan.completed";
    public static final String BACKUP_VERIFIED = org.riddance.backup.BackupRecords.VERIFIED;
    public static final String BACKUP_WAIVED = org.riddance.backup.BackupRecords.WAIVED;
    public static final String REMOVAL_OUTCOME = "removal.outcome";
    public static final String ANTIVIRUS_CHECKED = "antivirus.checked";

    private ReceiptBuilder() {
    }

    /**
     * @param machine    hostname, OS and serial as the host reports them
     * @param evidence   SHA-256 of the evidence bundle saved beside the receipt
     */
    public static ReceiptPayload build(String receiptId, JournalContents journal, ReceiptPayload.Machine machine,
                                       String catalogVersion, String catalogSha256, String evidence, String appVersion,
                                       String keyFingerprint, Clock clock) {
        JournalRecord started = journal.first(SessionJournal.STARTED)
                .orElseThrow(() -> new IllegalArgumentException("The journal has no session.started record"));
        JournalRecord details = journal.last(SessionJournal.DETAILS).orElse(started);
        Optional<JournalRecord> scan = journal.last(SCAN);
        Map<String, String> outcomes = new HashMap<>();
        journal.records().stream().filter(r -> r.type().equals(REMOVAL_OUTCOME))
                .forEach(r -> outcomes.put(r.text("id"), r.text("outcome")));

        List<ReceiptPayload.ProductOutcome> products = new ArrayList<>();
        for (Map<String, Object> finding : findings(scan)) {
            String id = String.valueOf(finding.get("id"));
            products.add(new ReceiptPayload.ProductOutcome(id, String.valueOf(finding.get("product")),
                    String.valueOf(finding.getOrDefault("version", "")), outcomes.getOrDefault(id, "not-removed")));
        }
        ReceiptPayload.Antivirus antivirus = journal.last(ANTIVIRUS_CHECKED)
                .map(r -> new ReceiptPayload.Antivirus(r.text("name"), r.text("state"),
                        ((Number) r.data().getOrDefault("defsAgeDays", -1)).longValue(), r.text("eicar")))
                .orElse(ReceiptPayload.Antivirus.notChecked());

        return new ReceiptPayload(receiptId, machine,
                new ReceiptPayload.Technician(details.text("technicianName"), details.text("technicianId")),
                details.text("site"), details.text("ticket"), started.time(), clock.instant(),
                result(scan, products, journal.last(ANTIVIRUS_CHECKED)), products, backup(journal), antivirus,
                catalogVersion, catalogSha256, journal.headHash(), evidence, appVersion, keyFingerprint);
    }

    private static String result(Optional<JournalRecord> scan, List<ReceiptPayload.ProductOutcome> products,
                                 Optional<JournalRecord> antivirus) {
        boolean failed = products.stream().anyMatch(p -> p.outcome().equals("failed"))
                || antivirus.map(r -> Boolean.FALSE.equals(r.data().get("pass"))).orElse(false);
        if (failed) {
            return "fail";
        }
        boolean scanComplete = scan.map(r -> !r.text("status").equals("incomplete")).orElse(false);
        boolean allGone = products.stream().allMatch(p -> p.outcome().equals("removed") || p.outcome().equals("cleaned"));
        boolean antivirusPassed = antivirus.map(r -> Boolean.TRUE.equals(r.data().get("pass"))).orElse(false);
        return scanComplete && allGone && antivirusPassed ? "pass" : "incomplete";
    }

    private static ReceiptPayload.Backup backup(JournalContents journal) {
        Optional<JournalRecord> verified = journal.last(BACKUP_VERIFIED);
        Optional<JournalRecord> waived = journal.last(BACKUP_WAIVED);
        if (verified.isPresent() && (waived.isEmpty() || verified.get().seq() > waived.get().seq())) {
            return ReceiptPayload.Backup.archive(verified.get().text("sha256"),
                    ((Number) verified.get().data().getOrDefault("bytes", 0)).longValue());
        }
        return waived.map(r -> ReceiptPayload.Backup.waived(r.text("reason"))).orElse(ReceiptPayload.Backup.notMade());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Optional<JournalRecord> scan) {
        return scan.map(r -> r.data().get("findings")).filter(List.class::isInstance)
                .map(f -> (List<Map<String, Object>>) f).orElse(List.of());
    }
}
