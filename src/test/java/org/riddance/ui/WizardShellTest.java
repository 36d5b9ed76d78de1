package org.riddance.ui;

import org.riddance.platform.TestPlatform;
import org.riddance.app.WizardSteps;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.journal.OpenSession;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.Privileges;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WizardShellTest {

    private Path dataDir;
    private WizardState state;
    private WizardWindow window;
    private Path sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws IOException {
        sandbox = Files.createTempDirectory("riddance-sandbox");
        // a clean Linux root: a folder with no recognisable system is never reported clean (issue 13)
        Files.createDirectories(sandbox.resolve("etc"));
        Files.writeString(sandbox.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        dataDir = Files.createTempDirectory("riddance-data");
        Host sandboxHost = Hosts.sandbox(sandbox);
        Host host = sandboxHost.withPrivileges(TestPlatform.privileges(false));
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.darkProperty().set(false);
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, root -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @AfterEach
    void flushJournal() throws Exception {
        window.recorder().flush().get(10, TimeUnit.SECONDS);
    }

    @Test
    void nextStaysDisabledUntilTheWelcomeFormIsValid(FxRobot robot) {
        verifyThat("#next", NodeMatchers.isDisabled());

        robot.clickOn("#technicianName").write("José Müller");
        verifyThat("#next", NodeMatchers.isDisabled());
        robot.clickOn("#site").write("Acme Dental, Porto");
        verifyThat("#next", NodeMatchers.isEnabled());

        robot.clickOn("#ticket").write("INC 4711"); // the help desk's own spelling, space and all
        verifyThat("#next", NodeMatchers.isEnabled());
        verifyThat("#ticket-hint", NodeMatchers.isInvisible());

        robot.write(" <4711>");
        verifyThat("#next", NodeMatchers.isDisabled());
        verifyThat("#ticket-hint", NodeMatchers.isVisible());
        assertThat(robot.lookup("#ticket-hint").queryAs(Label.class).getText())
                .isEqualTo(Messages.get("validation.ticket.format"));

        robot.eraseText(7);
        verifyThat("#next", NodeMatchers.isEnabled());
        verifyThat("#ticket-hint", NodeMatchers.isInvisible());
    }

    @Test
    void movesThroughTheRailAndBackWithTheMouse(FxRobot robot) throws Exception {
        fillWelcome(robot);
        reachDetect(robot);
        assertThat(state.stepStates().get(Step.WELCOME)).isEqualTo(StepState.DONE);
        assertThat(robot.lookup("#scan-result").queryLabeled().getText())
                .as("an empty sandbox").isEqualTo(Messages.get("detect.result.clean"));

        robot.clickOn("#next");
        assertThat(state.currentStep()).isEqualTo(Step.BACKUP);
        assertThat(state.stepStates().get(Step.DETECT)).isEqualTo(StepState.DONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state.isBusy());
        verifyThat("#next", NodeMatchers.isEnabled()); // nothing found, so nothing to back up
        robot.clickOn("#next");
        assertThat(state.currentStep()).isEqualTo(Step.REMOVE);
        assertThat(state.stepStates().get(Step.BACKUP)).isEqualTo(StepState.DONE);
        verifyThat("#rail-remove", NodeMatchers.isEnabled());
        verifyThat("#rail-receipt", NodeMatchers.isDisabled());

        robot.clickOn(Messages.get("step.welcome.title"));
        assertThat(state.currentStep()).isEqualTo(Step.WELCOME);
        robot.clickOn("#rail-remove");
        assertThat(state.currentStep()).as("forward across visited steps").isEqualTo(Step.REMOVE);
        robot.clickOn("#back");
        robot.clickOn("#back");
        assertThat(state.currentStep()).isEqualTo(Step.DETECT);

        window.recorder().flush().get(10, TimeUnit.SECONDS);
        OpenSession open = new SessionStore(dataDir, Clock.systemUTC()).findOpen().orElseThrow();
        assertThat(open.resumeStep()).isEqualTo(Step.DETECT);
        assertThat(open.info().technicianName()).isEqualTo("José Müller");
        assertThat(open.completedSteps()).containsExactlyInAnyOrder(Step.WELCOME, Step.DETECT, Step.BACKUP);
        assertThat(org.riddance.journal.JournalContents.read(open.directory().resolve("journal.jsonl"))
                .last(org.riddance.journal.entry.ScanCompleted.class)).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo("clean"));
    }

    @Test
    void worksWithTheKeyboardAlone(FxRobot robot) {
        // the name field has focus when the wizard opens
        robot.write("Ana Silva").type(KeyCode.TAB).write("T-17").type(KeyCode.TAB).write("Acme Dental");
        robot.type(KeyCode.ENTER); // Next is the default button
        assertThat(state.currentStep()).isEqualTo(Step.DETECT);
        waitForScan();

        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT); // mnemonic of Back
        assertThat(state.currentStep()).isEqualTo(Step.WELCOME);

        Button detect = robot.lookup("#rail-detect").queryButton();
        robot.interact(detect::requestFocus);
        robot.type(KeyCode.SPACE);
        assertThat(state.currentStep()).isEqualTo(Step.DETECT);
    }

    @Test
    void switchesBetweenLightAndDarkThemes(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("#theme-toggle");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        robot.clickOn("#theme-toggle");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void runningWorkLocksNavigationUntilItIsSafelyStopped(FxRobot robot) throws Exception {
        fillWelcome(robot);
        reachDetect(robot);
        AtomicBoolean coreSawCancel = new AtomicBoolean();
        CoreTask<Void> work = new CoreTask<>((progress, cancellation) -> {
            while (!cancellation.isCancelled()) {
                progress.update(1, 10, "working");
                Thread.sleep(20);
            }
            Thread.sleep(300); // finishing the unit of work in hand
            coreSawCancel.set(true);
            return null;
        });
        robot.interact(() -> state.run(work));

        verifyThat("#next", NodeMatchers.isDisabled());
        verifyThat("#back", NodeMatchers.isDisabled());
        verifyThat("#rail-welcome", NodeMatchers.isDisabled());
        assertThat(robot.lookup("#cancel").queryButton().getText()).isEqualTo(Messages.get("nav.stop"));

        robot.clickOn("#cancel"); // Stop stops: no question while the work goes on behind it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state.isBusy());

        assertThat(coreSawCancel).as("navigation unlocked only after the core stopped").isTrue();
        assertThat(dialogs.asked).doesNotContain("confirm: " + Messages.get("confirm.stop.title"));
        verifyThat("#back", NodeMatchers.isEnabled());
        verifyThat("#next", NodeMatchers.isEnabled());
    }

    @Test
    void offersToContinueAnUnfinishedSessionWhereItStopped(FxRobot robot) throws Exception {
        SessionStore store = new SessionStore(dataDir, Clock.systemUTC());
        SessionInfo info = new SessionInfo("Ana Silva", "T-17", "Acme Dental", "INC-1", "");
        // a session of the same root: a session of another machine or sandbox is never offered
        try (SessionJournal earlier = store.start(info, Hosts.sandbox(sandbox).os(), "test", false,
                sandbox.toAbsolutePath().normalize().toString())) {
            earlier.record(new StepEntered(Step.DETECT.id()));
            earlier.record(new StepCompleted(Step.DETECT.id()));
            earlier.record(new StepEntered(Step.BACKUP.id()));
        }
        dialogs.chooseAnswer = 0;

        robot.interact(window::offerResume);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state.currentStep() == Step.BACKUP);

        assertThat(state.siteProperty().get()).isEqualTo("Acme Dental");
        assertThat(state.stepStates().get(Step.DETECT)).isEqualTo(StepState.DONE);
        assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).contains("Ana Silva").contains("Back up"));
    }

    @Test
    void saysWhenItWorksOnASandboxInsteadOfThisPc(FxRobot robot) {
        verifyThat("#sandbox-banner", NodeMatchers.isVisible());
        assertThat(robot.from(robot.lookup("#sandbox-banner").queryAs(javafx.scene.Node.class))
                .lookup((Label l) -> l.getText().contains("This PC's own programs")).tryQuery()).isPresent();
    }

    @Test
    void saysWhatWorksWithoutAdministratorRights(FxRobot robot) {
        verifyThat("#privilege-banner", NodeMatchers.isVisible());
        Node banner = robot.lookup("#privilege-banner").query();
        assertThat(robot.from(banner).lookup(Messages.get("privileges.title")).tryQuery()).isPresent();
    }

    @Test
    void copiesDiagnosticsToTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#copy-diagnostics");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> dialogs.asked.contains("notify: " + Messages.get("header.diagnostics.copied")));
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).contains("Riddance ").contains("Data folder: " + dataDir);
    }

    @Test
    void aJournalThatCannotBeWrittenIsReportedOnceAndTheWizardStaysUsable(FxRobot robot) throws Exception {
        Files.writeString(dataDir.resolve("sessions"), "a file where the sessions folder should be");
        fillWelcome(robot);
        reachDetect(robot);
        window.recorder().flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.asked).contains("error: " + Messages.get("error.journal"));
        assertThat(state.currentStep()).isEqualTo(Step.DETECT);
        robot.clickOn("#back");
        assertThat(state.currentStep()).isEqualTo(Step.WELCOME);
    }

    /** Next from Welcome; the Detect step scans on arrival, so wait until that has finished. */
    private void reachDetect(FxRobot robot) throws Exception {
        robot.clickOn("#next");
        assertThat(state.currentStep()).isEqualTo(Step.DETECT);
        waitForScan();
    }

    private void waitForScan() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> state.scanReportProperty().get() != null && !state.isBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the scan did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fillWelcome(FxRobot robot) {
        robot.clickOn("#technicianName").write("José Müller");
        robot.clickOn("#site").write("Acme Dental, Porto");
    }
}
