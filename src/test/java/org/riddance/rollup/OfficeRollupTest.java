package org.riddance.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.receipt.ReceiptPayload;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TrustedKeys;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The roll-up's core on hostile folders: links out, a huge junk file, names with control characters, repeats. */
class OfficeRollupTest {

    @TempDir
    Path dir;
    private SigningKey key;
    private Path folder;

    @BeforeEach
    void keyAndFolder() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        key = new SigningKey(pair.getPrivate(), pair.getPublic());
        folder = Files.createDirectories(dir.resolve("stick"));
    }

    private RollupReport rollUp(Inventory inventory) throws Exception {
        return new OfficeRollup(TrustedKeys.of(key.publicKey()), inventory).read(folder, Optional.empty(), Progress.NONE,
                Cancellation.none(), e -> { });
    }

    @Test
    void aLinkPointingOutOfTheFolderIsListedAndNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        List<String> outsideIds = ReceiptBatch.write(outside, 2, key, new Random(1));
        ReceiptBatch.write(folder, 1, key, new Random(2));
        Files.createSymbolicLink(folder.resolve("linked-folder"), outside);
        Files.createSymbolicLink(folder.resolve("linked.receipt.json"), outside.resolve(outsideIds.get(0) + ".receipt.json"));

        RollupReport report = rollUp(Inventory.none());

        assertThat(report.entries()).extracting(RollupEntry::receiptId).doesNotContainAnyElementsOf(outsideIds);
        assertThat(report.entries()).filteredOn(e -> e.validity() == Validity.UNREADABLE)
                .extracting(RollupEntry::file, RollupEntry::detail)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("linked-folder", "a symbolic link: not followed"),
                        org.assertj.core.groups.Tuple.tuple("linked.receipt.json", "a symbolic link: not followed"));
        assertThat(report.counts()).containsEntry("files", 3).containsEntry("unreadable", 2);
        assertThat(report.allValidPass()).isFalse();
    }

    @Test
    void aFiftyMegabyteJunkReceiptIsListedAsUnreadableWithoutBeingReadWhole() throws Exception {
        Path junk = folder.resolve("junk.receipt.json");
        try (RandomAccessFile file = new RandomAccessFile(junk.toFile(), "rw")) {
            file.setLength(50L << 20);
        }
        Files.write(folder.resolve("junk.receipt.sig"), new byte[64]);

        RollupReport report = rollUp(Inventory.none());

        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.validity()).isEqualTo(Validity.UNREADABLE);
            assertThat(e.file()).isEqualTo("junk.receipt.json");
            assertThat(e.detail()).contains("larger than 1 MB");
        });
    }

    @Test
    void controlCharactersAndFormulasInNamesAreEscapedInTheCsvAndThePdf() throws Exception {
        String host = "pc\u001b[2J\u0007-evil";
        Map<String, Object> payload = receipt("R-evil", host, "=HYPERLINK(\"http://x.invalid\",\"click\")", "pass");
        SignedReceipt.sign(payload, key).writeTo(folder, "R-evil");

        RollupReport report = rollUp(Inventory.none());
        assertThat(report.entries()).singleElement().extracting(RollupEntry::host).isEqualTo(host);
        RollupIssuer.Issued issued = RollupIssuer.issue(report, "Praxis", key, "0.1.0", dir.resolve("office"), Clock.systemUTC());

        String csv = Files.readString(issued.csv(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("\u001b", "\u0007").contains("\"pc\\u001B[2J\\u0007-evil\"")
                .contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\"");
        try (PDDocument pdf = Loader.loadPDF(issued.pdf().toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("pc\\u001B[2J").doesNotContain("\u001b"); // the cell ends in an ellipsis
        }
        assertThat(RollupCheck.file(issued.json(), TrustedKeys.of(key.publicKey())).verdict().valid()).isTrue();
    }

    @Test
    void aPcVisitedTwiceCountsItsLatestReceiptAndListsBoth() throws Exception {
        SignedReceipt.sign(receipt("R-first", "PC-7", "Anna", "fail", "2026-11-01T10:00:00Z"), key).writeTo(folder, "R-first");
        SignedReceipt.sign(receipt("R-again", "pc-7", "Anna", "pass", "2026-11-20T10:00:00Z"), key).writeTo(folder, "R-again");

        RollupReport report = rollUp(Inventory.none());

        assertThat(report.entries()).extracting(RollupEntry::receiptId, RollupEntry::superseded)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("R-first", true),
                        org.assertj.core.groups.Tuple.tuple("R-again", false));
        assertThat(report.counts()).containsEntry("pcs", 1).containsEntry("pass", 1).containsEntry("fail", 0)
                .containsEntry("superseded", 1);
        assertThat(report.allValidPass()).as("the later visit passed").isTrue();
    }

    @Test
    void theInventoryNamesMissingPcsWhateverItsSeparatorQuotesOrCase() throws Exception {
        SignedReceipt.sign(receipt("R-1", "EMPFANG", "Anna", "pass"), key).writeTo(folder, "R-1");
        Path csv = Files.writeString(dir.resolve("inventory.csv"), "\uFEFFRaum;Hostname;Notiz\n\"Empfang; vorne\";empfang;x\n"
                + "Labor;\"LABOR-PC\";\"sagt \"\"hallo\"\"\"\n\n;;\n", StandardCharsets.UTF_8);

        RollupReport report = rollUp(Inventory.read(csv));

        assertThat(report.entries()).filteredOn(e -> e.validity() == Validity.MISSING).extracting(RollupEntry::host)
                .containsExactly("LABOR-PC");
        assertThat(report.counts()).containsEntry("expected", 2).containsEntry("missing", 1);
        assertThat(report.allValidPass()).isFalse();
    }

    @Test
    void aTamperedReceiptAndAnUnknownKeyAreNamedAndCountNeitherAsPassNorAsAVisit() throws Exception {
        SignedReceipt.sign(receipt("R-good", "PC-1", "Anna", "pass"), key).writeTo(folder, "R-good");
        Path edited = SignedReceipt.sign(receipt("R-edit", "PC-2", "Anna", "fail"), key).writeTo(folder, "R-edit");
        Files.writeString(edited, Files.readString(edited).replace("\"fail\"", "\"pass\""));
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKey strangers = new SigningKey(stranger.getPrivate(), stranger.getPublic());
        Map<String, Object> theirs = new java.util.LinkedHashMap<>(receipt("R-other", "PC-1", "Mallory", "pass", "2026-12-01T00:00:00Z"));
        theirs.put(ReceiptPayload.KEY, strangers.fingerprint());
        SignedReceipt.sign(theirs, strangers).writeTo(folder, "R-other");

        RollupReport report = rollUp(Inventory.none());

        assertThat(report.entries()).extracting(RollupEntry::receiptId, RollupEntry::validity, RollupEntry::superseded)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("R-good", Validity.VALID, false),
                        org.assertj.core.groups.Tuple.tuple("R-edit", Validity.TAMPERED, false),
                        org.assertj.core.groups.Tuple.tuple("R-other", Validity.UNKNOWN_KEY, false));
        assertThat(report.problems()).extracting(RollupEntry::standing)
                .containsExactlyInAnyOrder("tampered", "signed by an unknown key");
    }

    @Test
    void aScreenSeesEachRowAsItIsReadAndCanCancel() throws Exception {
        ReceiptBatch.write(folder, 5, key, new Random(3));
        List<RollupEntry> seen = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        new OfficeRollup(TrustedKeys.of(key.publicKey()), Inventory.none()).read(folder, Optional.empty(),
                (d, total, message) -> done.add(d), Cancellation.none(), seen::add);
        assertThat(seen).hasSize(5);
        assertThat(done).contains(0L, 5L);

        Cancellation cancel = new Cancellation();
        List<RollupEntry> before = new ArrayList<>();
        assertThatThrownBy(() -> new OfficeRollup(TrustedKeys.of(key.publicKey()), Inventory.none()).read(folder,
                Optional.empty(), Progress.NONE, cancel, e -> {
                    before.add(e);
                    cancel.cancel();
                })).isInstanceOf(Cancellation.CancelledException.class);
        assertThat(before).hasSize(1);
    }

    @Test
    void aLongRollUpPrintsOnSeveralNumberedPagesAndVerifiesFromThePdf() throws Exception {
        ReceiptBatch.write(folder, 150, key, new Random(4));
        RollupReport report = rollUp(Inventory.none());
        RollupIssuer.Issued issued = RollupIssuer.issue(report, "Bench Office", key, "0.1.0", dir.resolve("office"),
                Clock.fixed(Instant.parse("2026-12-04T10:15:00Z"), ZoneOffset.UTC));
        try (PDDocument pdf = Loader.loadPDF(issued.pdf().toFile())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
        }
        assertThat(issued.id()).startsWith("RO-20261204-101500-");
        assertThat(RollupCheck.file(issued.pdf(), TrustedKeys.of(key.publicKey())).verdict().detail())
                .contains("the printed page matches");
        try (var files = Files.list(dir.resolve("office"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no .part left").allMatch(n -> !n.endsWith(".part"))
                    .hasSize(5);
        }
    }

    private Map<String, Object> receipt(String id, String host, String technician, String result) {
        return receipt(id, host, technician, result, "2026-11-20T10:00:00Z");
    }

    private Map<String, Object> receipt(String id, String host, String technician, String result, String end) {
        Instant finished = Instant.parse(end);
        return new ReceiptPayload(id, new ReceiptPayload.Machine(host, "Windows 11", ""),
                new ReceiptPayload.Technician(technician, ""), "Praxis", "", finished.minusSeconds(1800), finished, result,
                List.of(new ReceiptPayload.ProductOutcome("kes", "Kaspersky Endpoint Security", "12.3", "removed")),
                ReceiptPayload.Backup.notMade(), ReceiptPayload.Antivirus.notChecked(), "1", "00", "00", "00", "0.1.0",
                key.fingerprint()).toMap();
    }
}
