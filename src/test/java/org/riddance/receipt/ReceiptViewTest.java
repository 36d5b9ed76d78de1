package org.riddance.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riddance.receipt.ReceiptView.Outcome;

class ReceiptViewTest {

    private static final String QR = SampleReceipts.payload(500, 9L);

    @Test
    void missingOptionalFieldsBecomeEmptyAndListsAreCopied() {
        List<String> citations = new ArrayList<>(List.of("US DHS BOD 17-01 (2017-09-13)"));
        ReceiptView view = new ReceiptView("RDR-1", Outcome.INCOMPLETE, null, null, null, null, null, null, null, null,
                null, null, null, null, null, citations, null, null, SampleReceipts.FINGERPRINT, QR, null);
        citations.add("added later");

        assertThat(view.hostname()).isEmpty();
        assertThat(view.products()).isEmpty();
        assertThat(view.verifyHint()).isEmpty();
        assertThat(view.citations()).containsExactly("US DHS BOD 17-01 (2017-09-13)");
    }

    @Test
    void fingerprintMustBe64HexCharacters() {
        assertThatThrownBy(() -> withFingerprint("3f2a9bc1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex");
        assertThatThrownBy(() -> withFingerprint("z".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThat(withFingerprint(SampleReceipts.FINGERPRINT.toUpperCase()).keyFingerprint()).hasSize(64);
    }

    @Test
    void qrTextMustBePrintableAsciiThatFitsThePage() {
        assertThatThrownBy(() -> withQr(SampleReceipts.payload(ReceiptView.MAX_QR_TEXT + 1, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2301 characters");
        assertThatThrownBy(() -> withQr("RDR1.é")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withQr("RDR1.\nline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withQr("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(withQr(SampleReceipts.payload(ReceiptView.MAX_QR_TEXT, 1L)).qrText()).hasSize(2_300);
    }

    @Test
    void atMostTwoVerifyHintLines() {
        ReceiptView view = SampleReceipts.view(List.of(), QR);

        assertThatThrownBy(() -> new ReceiptView(view.receiptId(), view.result(), view.headline(), view.hostname(),
                view.os(), view.serial(), view.technicianName(), view.technicianId(), view.site(), view.ticket(),
                view.started(), view.finished(), view.products(), view.backup(), view.antivirus(), view.citations(),
                view.catalog(), view.appVersion(), view.keyFingerprint(), view.qrText(), List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 verify hint lines");
    }

    private static ReceiptView withFingerprint(String fingerprint) {
        return new ReceiptView("RDR-1", Outcome.PASS, "", "", "", "", "", "", "", "", "", "", List.of(), "", "",
                List.of(), "", "", fingerprint, QR, List.of());
    }

    private static ReceiptView withQr(String qrText) {
        return new ReceiptView("RDR-1", Outcome.PASS, "", "", "", "", "", "", "", "", "", "", List.of(), "", "",
                List.of(), "", "", SampleReceipts.FINGERPRINT, qrText, List.of());
    }
}
