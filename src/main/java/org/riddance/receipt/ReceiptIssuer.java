package org.riddance.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.riddance.catalog.Catalog;
import org.riddance.journal.Journal;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.ReceiptSigned;
import org.riddance.platform.OsFacts;

/**
 * Issues the receipt for a session: bundles the evidence (journal, findings, logs of the session folder),
 * builds and signs the payload, writes the files into {@code receipts/<id>/} and records the signing in the
 * journal. The journal is read while its writer is held, so the bundle, the head hash and the payload agree.
 */
public final class ReceiptIssuer {

    private ReceiptIssuer() {
    }

    /** The files of one issued receipt; {@link #files()} lists them for copying to a USB stick. */
    public record Issued(String id, Path folder, ReceiptPayload payload, SignedReceipt receipt, String qrText) {
        public Path json() {
            return folder.resolve(id + SignedReceipt.JSON);
        }

        public Path pdf() {
            return folder.resolve(id + ".receipt.pdf");
        }

        public List<Path> files() throws IOException {
            try (Stream<Path> list = Files.list(folder)) {
                return list.sorted().toList();
            }
        }

        /** Copies every file of the receipt into {@code target} (the technician's folder); returns the copies. */
        public List<Path> copyTo(Path target) throws IOException {
            Files.createDirectories(target);
            List<Path> copies = new ArrayList<>();
            for (Path file : files()) {
                copies.add(Files.copy(file, target.resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            }
            return copies;
        }
    }

    public static Issued issue(SessionJournal session, OsFacts os, Catalog catalog, String appVersion, SigningKey key,
                               Path receiptsDir, Clock clock) throws IOException {
        return issue(session, os, catalog, appVersion, key, receiptsDir, clock, false);
    }

    /** @param demo a session on the demo sandbox: the receipt says so in its signed payload and on paper */
    public static Issued issue(SessionJournal session, OsFacts os, Catalog catalog, String appVersion, SigningKey key,
                               Path receiptsDir, Clock clock, boolean demo) throws IOException {
        Path folder = freshFolder(receiptsDir, "R-" + session.id());
        String id = folder.getFileName().toString();
        Journal journal = session.journal();
        ReceiptPayload payload;
        synchronized (journal) { // Journal.append holds the same monitor: no record slips in between
            byte[] journalBytes = Files.readAllBytes(journal.file());
            String evidence = bundle(session.directory(), journalBytes, folder.resolve(id + ".evidence.zip"));
            payload = ReceiptBuilder.build(id, JournalContents.parse(journalBytes),
                    new ReceiptPayload.Machine(os.hostname(), os.summary(), os.serial()), catalog.version(),
                    catalog.sha256(), evidence, appVersion, key.fingerprint(), clock);
            payload = forPaper(payload, JournalContents.parse(journalBytes), demo);
        }
        SignedReceipt receipt = SignedReceipt.sign(payload.toMap(), key);
        receipt.writeTo(folder, id);
        Files.writeString(folder.resolve(id + ".pub.pem"), SigningKey.pem(key.publicKey()), StandardCharsets.US_ASCII);
        String qrText = PaperCode.forPaper(receipt, key);
        ReceiptPdf.write(ReceiptDocument.view(payload, catalog, qrText), folder.resolve(id + ".receipt.pdf"));
        session.record(new ReceiptSigned(id, sha256(receipt.payload()), payload.result()));
        return new Issued(id, folder, payload, receipt, qrText);
    }

    /** Every file of the session folder, with the journal as read under the lock; returns the zip's SHA-256. */
    static String bundle(Path sessionDir, byte[] journalBytes, Path zip) throws IOException {
        MessageDigest sha256 = sha256Digest();
        try (OutputStream file = Files.newOutputStream(zip);
             ZipOutputStream out = new ZipOutputStream(new DigestOutputStream(file, sha256))) {
            out.putNextEntry(new ZipEntry(SessionStore.JOURNAL));
            out.write(journalBytes);
            out.closeEntry();
            List<Path> others;
            try (Stream<Path> list = Files.list(sessionDir)) {
                others = list.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().equals(SessionStore.JOURNAL)).sorted().toList();
            }
            for (Path other : others) {
                out.putNextEntry(new ZipEntry(other.getFileName().toString()));
                Files.copy(other, out);
                out.closeEntry();
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }


    /**
     * What the printed page needs beyond the journal's facts (issue 16): the signer's UTC offset for local times,
     * where the verified archive was written, and the demo mark.
     */
    static ReceiptPayload forPaper(ReceiptPayload payload, JournalContents journal, boolean demo) {
        String offset = ZoneId.systemDefault().getRules().getOffset(payload.finished()).getId();
        ReceiptPayload enriched = payload.withUtcOffset(offset.equals("Z") ? "+00:00" : offset)
                .withDemo(demo || payload.demo());
        if (!payload.backup().status().equals("verified")) {
            return enriched;
        }
        String archive = journal.last(BackupVerified.class).map(BackupVerified::archive).orElse("");
        return enriched.withBackup(payload.backup().withLocation(archive));
    }

    /** A second receipt for the same session (after more work) gets its own folder; none is ever overwritten. */
    private static Path freshFolder(Path receiptsDir, String base) throws IOException {
        Path folder = receiptsDir.resolve(base);
        for (int n = 2; Files.exists(folder); n++) {
            folder = receiptsDir.resolve(base + "-" + n);
        }
        return Files.createDirectories(folder);
    }


    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
