package org.riddance.ui;

import org.riddance.app.WizardSteps;
import org.riddance.journal.entry.ReceiptSigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Hosts;
import org.riddance.receipt.ReceiptVerifier;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.receipt.TrustedKeys;
import org.riddance.session.Step;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ReceiptStepTest {

    private Path dataDir;
    private WizardState state;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("riddance-data");
        AppContext context = new AppContext(Hosts.sandbox(Files.createTempDirectory("riddance-root")), dataDir,
                new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void createsTheKeyOnFirstUseSignsAndTheFilesVerify(FxRobot robot) throws Exception {
        reachReceipt(robot);
        verifyThat("#passphrase-again", NodeMatchers.isVisible());
        verifyThat("#sign-receipt", NodeMatchers.isDisabled());
        robot.clickOn("#passphrase").write("correct horse");
        robot.clickOn("#passphrase-again").write("correct hors");
        verifyThat("#key-problem", NodeMatchers.isVisible());
        robot.write("e");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#receipt-review").tryQuery().isPresent());
        assertThat(robot.lookup("#receipt-review-result").queryLabeled().getText()).startsWith("FAIL.");
        verifyThat("#create-key", NodeMatchers.isEnabled());
        verifyThat("#sign-receipt", NodeMatchers.isDisabled());
        robot.type(javafx.scene.input.KeyCode.ENTER); // Enter in the passphrase field neither creates nor signs
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dataDir.resolve("keys")).doesNotExist();

        robot.clickOn("#create-key");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#key-created").tryQuery().isPresent()
                && !state.isBusy());
        assertThat(dataDir.resolve("receipts")).as("creating the key signs nothing").doesNotExist();
        verifyThat("#sign-receipt", NodeMatchers.isEnabled());

        robot.clickOn("#sign-receipt");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#receipt-result").tryQuery().isPresent());

        assertThat(robot.lookup("#receipt-result").queryLabeled().getText())
                .as("the empty sandbox has no antivirus, so its check failed").isEqualTo(Messages.get("receipt.result.fail"));
        Path json;
        try (Stream<Path> files = Files.walk(dataDir.resolve("receipts"))) {
            json = files.filter(p -> p.toString().endsWith(".receipt.json")).findFirst().orElseThrow();
        }
        TrustedKeys trusted = TrustedKeys.load(dataDir.resolve("keys").resolve(TechnicianKeystore.PUBLIC_KEY));
        assertThat(ReceiptVerifier.verify(SignedReceipt.read(json), trusted).valid()).isTrue();
        assertThat(SignedReceipt.read(json).payloadText()).contains("\"name\":\"José Müller\"");
        window.recorder().flush().get(10, TimeUnit.SECONDS);
        Path journal = new SessionStore(dataDir, Clock.systemUTC()).findOpen().orElseThrow().directory().resolve("journal.jsonl");
        assertThat(JournalContents.read(journal).last(ReceiptSigned.class)).isPresent();
        assertThat(robot.lookup("#receipt-result-why").queryLabeled().getText()).contains("replacement antivirus");

        robot.clickOn("#finish");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new SessionStore(dataDir, Clock.systemUTC()).findOpen().isEmpty());
        assertThat(JournalContents.read(journal).last(org.riddance.journal.entry.SessionClosed.class))
                .hasValueSatisfying(c -> assertThat(c.outcome()).isEqualTo("signed"));
    }

    @Test
    void aWrongPassphraseIsSaidWhereItWasTypedAndNothingIsSigned(FxRobot robot) throws Exception {
        TechnicianKeystore.create(dataDir.resolve("keys"), "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        reachReceipt(robot);
        assertThat(robot.lookup("#passphrase-again").tryQuery()).as("unlocking asks once").isEmpty();

        robot.clickOn("#passphrase").write("wrong horse");
        robot.clickOn("#sign-receipt");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !state.isBusy()
                && !robot.lookup("#key-problem").queryLabeled().getText().isEmpty());

        assertThat(robot.lookup("#key-problem").queryLabeled().getText()).contains("passphrase does not open");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dataDir.resolve("receipts")).doesNotExist();
    }

    private void reachReceipt(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("José Müller");
        robot.clickOn("#site").write("Zürich Praxis");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state.isBusy());
        // this test is about the receipt: go on without a back-up, which the receipt then names
        robot.interact(() -> {
            robot.lookup("#waiver-reason").queryAs(javafx.scene.control.TextArea.class)
                    .setText("Receipt test: no back-up wanted");
            robot.lookup("#waive").queryButton().fire();
        });
        for (int i = 0; i < 3; i++) {
            // the replacement step checks the antivirus on arrival; navigation waits for it
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !state.isBusy());
            robot.clickOn("#next");
        }
        assertThat(state.currentStep()).isEqualTo(Step.RECEIPT);
    }
}
