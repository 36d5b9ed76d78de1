package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;

/**
 * Issue 14 item 6, attacked for real: a forger's own key shipped with his receipt, another receipt's QR code
 * pasted onto a page, a page whose printed result or product outcome was edited after signing.
 */
class ReceiptForgeryTest {

    @TempDir
    Path dir;

    @Test
    void aReceiptSignedByItsForgersOwnKeyIsNamedUnknownNeverValid() throws Exception {
        SigningKey office = IssuedSamples.key(dir.resolve("office"));
        SigningKey forger = IssuedSamples.key(dir.resolve("forger"));
        ReceiptIssuer.Issued forged = IssuedSamples.issue(dir.resolve("data"), forger, IssuedSamples.Session.passing(2));
        TrustStore store = new TrustStore(dir.resolve("data"));
        store.add(dir.resolve("office").resolve(TechnicianKeystore.PUBLIC_KEY));

        // the forger's key lies beside his receipt, as every issued receipt's does; it is not in the trust store
        assertThat(forged.folder().resolve(forged.id() + ".pub.pem")).exists();
        Verdict verdict = ReceiptCheck.file(forged.pdf(), TrustStore.forVerifying(dir.resolve("data"))).verdict();

        assertThat(verdict.reason()).isEqualTo(Verdict.Reason.UNKNOWN_KEY);
        assertThat(verdict.toString()).contains("signed by an unknown key " + forger.fingerprint()).doesNotContain("valid (");
        assertThat(ReceiptCheck.file(forged.json(), TrustStore.forVerifying(dir.resolve("data"))).verdict().reason())
                .isEqualTo(Verdict.Reason.UNKNOWN_KEY);
        assertThat(office.fingerprint()).isNotEqualTo(forger.fingerprint());
    }

    @Test
    void anotherReceiptsQrCodePastedOnAPageIsNamedAsSwapped() throws Exception {
        SigningKey key = IssuedSamples.key(dir.resolve("keys"));
        ReceiptIssuer.Issued failing = IssuedSamples.issue(dir.resolve("a"), key,
                new IssuedSamples.Session(3, "Kaspersky Total Security", true, "", false));
        ReceiptIssuer.Issued passing = IssuedSamples.issue(dir.resolve("b"), key, IssuedSamples.Session.passing(3));
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());
        // the failing receipt's page, with the passing receipt's genuine code pasted on
        Path pasted = dir.resolve("pasted.receipt.pdf");
        ReceiptPdf.write(ReceiptDocument.view(failing.payload(), CatalogLoader.builtIn(), passing.qrText()), pasted);

        Verdict verdict = ReceiptCheck.file(pasted, trusted).verdict();

        assertThat(verdict.reason()).isEqualTo(Verdict.Reason.SWAPPED_QR);
        assertThat(verdict.detail()).contains(failing.id()).contains(passing.id());
        assertThat(ReceiptCheck.file(failing.pdf(), trusted).verdict().valid()).as("the untouched page").isTrue();
    }

    @Test
    void aPageEditedToSayPassOrRemovedDoesNotMatchWhatIsSigned() throws Exception {
        SigningKey key = IssuedSamples.key(dir.resolve("keys"));
        ReceiptIssuer.Issued failing = IssuedSamples.issue(dir.resolve("a"), key,
                new IssuedSamples.Session(3, "Kaspersky Total Security", true, "", false));
        TrustedKeys trusted = TrustedKeys.of(key.publicKey());
        ReceiptPayload signed = failing.payload();

        ReceiptPayload saysPass = new ReceiptPayload(signed.id(), signed.machine(), signed.technician(), signed.site(),
                signed.ticket(), signed.started(), signed.finished(), "pass", signed.products(), signed.backup(),
                signed.antivirus(), signed.catalogVersion(), signed.catalogSha256(), signed.journalHead(),
                signed.evidenceSha256(), signed.appVersion(), signed.keyFingerprint(), "", signed.utcOffset(), false);
        Path editedResult = dir.resolve("result.receipt.pdf");
        ReceiptPdf.write(ReceiptDocument.view(saysPass, CatalogLoader.builtIn(), failing.qrText()), editedResult);

        List<ReceiptPayload.ProductOutcome> allRemoved = signed.products().stream()
                .map(p -> new ReceiptPayload.ProductOutcome(p.id(), p.name(), p.version(), "removed")).toList();
        ReceiptPayload saysRemoved = new ReceiptPayload(signed.id(), signed.machine(), signed.technician(),
                signed.site(), signed.ticket(), signed.started(), signed.finished(), "fail", allRemoved, signed.backup(),
                signed.antivirus(), signed.catalogVersion(), signed.catalogSha256(), signed.journalHead(),
                signed.evidenceSha256(), signed.appVersion(), signed.keyFingerprint(), "", signed.utcOffset(), false);
        Path editedOutcome = dir.resolve("outcome.receipt.pdf");
        ReceiptPdf.write(ReceiptDocument.view(saysRemoved, CatalogLoader.builtIn(), failing.qrText()), editedOutcome);

        Verdict result = ReceiptCheck.file(editedResult, trusted).verdict();
        Verdict outcome = ReceiptCheck.file(editedOutcome, trusted).verdict();

        assertThat(result.reason()).isEqualTo(Verdict.Reason.PRINT_MISMATCH);
        assertThat(result.detail()).contains("PASS").contains("FAIL");
        assertThat(outcome.reason()).isEqualTo(Verdict.Reason.PRINT_MISMATCH);
        assertThat(outcome.detail()).contains("Kaspersky Total Security").contains("failed");
    }

    @Test
    void controlCharactersInNamesArePrintedEscapedAndStillMatch() throws Exception {
        SigningKey key = IssuedSamples.key(dir.resolve("keys"));
        ReceiptIssuer.Issued issued = IssuedSamples.issue(dir.resolve("a"), key, IssuedSamples.Session.passing(1));
        ReceiptPayload signed = issued.payload();
        ReceiptPayload hostile = new ReceiptPayload(signed.id(), new ReceiptPayload.Machine("PC\u001b[2J", "Windows", ""),
                signed.technician(), signed.site(), signed.ticket(), signed.started(), signed.finished(), "pass",
                List.of(new ReceiptPayload.ProductOutcome("x", "Kaspersky\u001b]0;owned\u0007 Anti-Virus \u202Eexe.txt",
                        "21.3", "removed")), signed.backup(), signed.antivirus(), signed.catalogVersion(),
                signed.catalogSha256(), signed.journalHead(), signed.evidenceSha256(), signed.appVersion(),
                key.fingerprint());
        SignedReceipt receipt = SignedReceipt.sign(hostile.toMap(), key);
        Path pdf = dir.resolve("hostile.receipt.pdf");
        ReceiptPdf.write(ReceiptDocument.view(hostile, CatalogLoader.builtIn(), PaperCode.forPaper(receipt, key)), pdf);

        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains("PC\\u001B[2J").contains("Kaspersky\\u001B]0;owned\\u0007").contains("\\u202Eexe.txt")
                .doesNotContain("\u001b").doesNotContain("\u202E");
        assertThat(ReceiptCheck.file(pdf, TrustedKeys.of(key.publicKey())).verdict().valid()).isTrue();
        assertThat(DisplayText.escape("a\u009bb\u200bc")).isEqualTo("a\\u009Bb\\u200Bc");
        assertThat(Files.readString(issued.json())).doesNotContain("\u001b");
    }
}
