package org.riddance.ui;

import org.riddance.app.WizardSteps;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.BackupRecords;
import org.riddance.demo.DemoSandbox;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.Step;
import org.riddance.ui.backup.BackupStep;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Back up step on the demo sandbox: the plan from real findings, a real archive, the gate on Next. */
@ExtendWith(ApplicationExtension.class)
class BackupStepTest {

    private Path dataDir;
    private Path stick;
    private WizardState state;
    private BackupStep backupStep;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory("riddance-demo");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        dataDir = Files.createTempDirectory("riddance-data");
        stick = Files.createTempDirectory("riddance-stick");
        Host host = Hosts.sandbox(root);
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        WizardWindow window = new WizardWindow(context, state, r -> dialogs, services -> {
            List<WizardStep> steps = WizardSteps.standard(context, state, services);
            backupStep = (BackupStep) steps.stream().filter(s -> s.step() == Step.BACKUP).findFirst().orElseThrow();
            return steps;
        });
        window.showIn(stage);
    }

    private void reachBackup(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state.currentStep() == Step.BACKUP && !state.isBusy()
                && robot.lookup("#backup-plan").queryAs(TreeView.class).getRoot() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void backsUpTheTickedItemsVerifiesThemAndOnlyThenOpensNext(FxRobot robot) throws Exception {
        reachBackup(robot);
        Button next = robot.lookup("#next").queryButton();
        assertThat(next.isDisabled()).as("locked until the back-up is verified").isTrue();
        assertThat(robot.lookup("#next-hint").queryLabeled().getText()).as("says why Next is locked")
                .isEqualTo(Messages.get("nav.hint.backup"));
        TreeView<?> plan = robot.lookup("#backup-plan").queryAs(TreeView.class);
        assertThat(plan.getRoot().getChildren()).extracting(t -> String.valueOf(t.getValue()))
                .containsExactly("Kaspersky Endpoint Security for Linux", "Kaspersky Security Center Network Agent",
                        "Kaspersky Anti-Virus for Linux File Server (leftovers)"); // its folders removal deletes (issue 14)

        robot.interact(() -> backupStep.chooseDestination(stick));
        robot.interact(() -> robot.lookup("#backup-start").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.isBusy()
                && robot.lookup("#backup-result").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#backup-result").queryLabeled().getText()).isEqualTo(Messages.get("backup.result.verified"));
        assertThat(next.isDisabled()).isFalse();
        assertThat(robot.lookup("#next-hint").query().isVisible()).isFalse();
        assertThat(dialogs.errors).isEmpty();
        BackupVerified verified = journal().last(BackupVerified.class).orElseThrow();
        Path archive = Path.of(verified.archive());
        assertThat(archive.getParent()).isEqualTo(stick);
        assertThat(verified.sha256()).isEqualTo(
                ArchiveVerifier.verify(archive, Progress.NONE, Cancellation.none()).sha256());
        assertThat(robot.lookup("#backup-sha256").queryLabeled().getText()).contains(verified.sha256());
    }

    @Test
    void aWaiverNeedsAReasonAndIsRecorded(FxRobot robot) throws Exception {
        reachBackup(robot);
        robot.interact(() -> robot.lookup("#backup-waiver").queryAs(TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // the expand animation
        // the waiver is below the fold; Monocle's headless robot sends no wheel events, so scroll the pane itself
        robot.interact(() -> robot.lookup("#step-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        Button waive = robot.lookup("#waive").queryButton();
        robot.clickOn("#waiver-reason").write("too short");
        assertThat(waive.isDisabled()).isTrue();
        robot.write(": customer keeps nightly disk images");
        assertThat(waive.isDisabled()).isFalse();

        robot.interact(waive::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
        assertThat(dialogs.asked).contains("confirm: " + Messages.get("backup.waiver.title"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> journal().last(BackupWaived.class).isPresent());
        assertThat(journal().last(BackupWaived.class).orElseThrow().reason())
                .isEqualTo("too short: customer keeps nightly disk images");
    }

    private JournalContents journal() throws java.io.IOException {
        try (var sessions = Files.list(dataDir.resolve("sessions"))) {
            Path session = sessions.findFirst().orElseThrow();
            return JournalContents.read(session.resolve(SessionStore.JOURNAL));
        }
    }
}
