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
        assertThat(verdict(robot)).startsWith(Messages.get("verify.result.valid"));
        assertThat(robot.lookup((Label l) -> l.getText().contains("R-7 · José Müller · result pass")).tryQuery()).isPresent();

        String tampered = QrPayload.encode(new SignedReceipt(receipt.payloadText().replace("pass", "fail")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), receipt.signature()), key.fingerprint());
        robot.interact(() -> text.setText(tampered));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).startsWith(Messages.get("verify.result.invalid")));
        assertThat(verdict(robot)).contains("signature does not match");

        robot.interact(() -> text.setText("hello, not a receipt"));
        robot.clickOn("#verify-check-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict(robot).contains("no Riddance receipt code"));
    }

    private static String verdict(FxRobot robot) {
        return robot.lookup("#verify-verdict").queryLabeled().getText();
    }
}
