package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.receipt.QrPayload;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.ui.verify.VerifyView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class VerifyViewTest {

    private Path dataDir;
    private SigningKey key;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("riddance-verify");
        key = TechnicianKeystore.create(dataDir.resolve("keys"), "correct horse".toCharArray(), "Ana", Clock.systemUTC());
        Themes.applyInitial();
        stage.setScene(new Scene(new VerifyView(dataDir), 640, 480));
        stage.show();
    }

    @Test
    void aPastedQrTextIsCheckedAgainstTheTechniciansOwnKey(FxRobot robot) throws Exception {
        SignedReceipt receipt = SignedReceipt.sign(Map.of("id", "R-7", "tech", Map.of("name", "José Müller"),
                "result", "pass", "end", "2026-11-23T13:41:07Z", "key", key.fingerprint()), key);
        TextArea text = robot.lookup("#verify-qr-text").queryAs(TextArea.class);

        robot.interact(() -> text.setText(QrPayload.encode(receipt, key.fingerprint())));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !verdict(robot).isEmpty());
        assertThat(verdict(robot)).isEqualTo(Messages.get("verify.reason.valid") + " " + Messages.get("verify.outcome.pass"));
        assertThat(summaryLine(robot)).isEqualTo(Messages.get("verify.summary", "R-7",
                Messages.get("verify.summary.notRecorded"), "José Müller", "PASS", "2026-11-23 13:41 UTC"));

        String tampered = QrPayload.encode(new SignedReceipt(receipt.payloadText().replace("pass", "fail")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), receipt.signature()), key.fingerprint());
        robot.interact(() -> text.setText(tampered));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> verdict(robot).equals(Messages.get("verify.reason.bad_signature")));

        robot.interact(() -> text.setText("hello, not a receipt"));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).equals(Messages.get("verify.reason.unreadable")));
        assertThat(verdict(robot)).doesNotContain("not verified:", ".sig beside it: ");

        SignedReceipt failed = SignedReceipt.sign(Map.of("id", "R-8", "tech", Map.of("name", "José Müller"),
                "result", "fail", "end", "2026-11-23T13:41:07Z", "key", key.fingerprint()), key);
        robot.interact(() -> text.setText(QrPayload.encode(failed, key.fingerprint())));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).contains(Messages.get("verify.outcome.fail")));
        assertThat(robot.lookup("#verify-verdict").queryLabeled().getStyleClass())
                .as("a genuine receipt of a failed session is not green").doesNotContain("success").contains("warning");
    }

    @Test
    void thePaperCodesSummaryNamesNoTechnicianAndSaysWhereToLook(FxRobot robot) throws Exception {
        Map<String, Object> whole = Map.of("format", "riddance-receipt", "id", "R-9", "machine", Map.of("host", "demo-pc"),
                "tech", Map.of("name", "José Müller"), "result", "incomplete", "end", "2026-11-23T13:41:07Z",
                "products", java.util.List.of(), "key", key.fingerprint());
        SignedReceipt summary = SignedReceipt.sign(
                org.riddance.receipt.ReceiptSummary.of(whole, org.riddance.receipt.CanonicalJson.bytes(whole)), key);
        TextArea text = robot.lookup("#verify-qr-text").queryAs(TextArea.class);

        robot.interact(() -> text.setText(QrPayload.encode(summary, key.fingerprint())));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !verdict(robot).isEmpty());

        assertThat(verdict(robot)).startsWith(Messages.get("verify.reason.valid"));
        assertThat(summaryLine(robot)).isEqualTo(Messages.get("verify.summary", "R-9", "demo-pc",
                Messages.get("verify.summary.techOnPaper"), "INCOMPLETE", "2026-11-23 13:41 UTC"))
                .doesNotContain("null");
    }

    private static String summaryLine(FxRobot robot) {
        return robot.lookup("#verify-summary").queryLabeled().getText();
    }

    private static String verdict(FxRobot robot) {
        return robot.lookup("#verify-verdict").queryLabeled().getText();
    }
}
