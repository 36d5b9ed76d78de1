package org.riddance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.app.AppContext;
import org.riddance.demo.DemoSandbox;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.session.Step;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Remove step on the demo sandbox: locked without a backup, then a real removal with per-item status and a log. */
@ExtendWith(ApplicationExtension.class)
class RemoveStepTest {

    private Path root;
    private WizardState state;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("riddance-demo");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path dataDir = Files.createTempDirectory("riddance-data");
        Host host = Hosts.sandbox(root);
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void lockedUntilABackupIsWaivedThenRemovesInOrderAndShowsEachOutcome(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        robot.interact(() -> window.navigator().goTo(Step.REMOVE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#plan-kesl").tryQuery().isPresent());

        assertThat(robot.lookup("#remove-banner").queryLabeled().getText()).isEqualTo(Messages.get("remove.locked.title"));
        verifyThat("#remove-start", NodeMatchers.isDisabled());
        verifyThat("#next", NodeMatchers.isDisabled());
        assertThat(robot.lookup("#plan-kesl").lookup((Label l) -> l.getText().contains("--purge kesl")).tryQuery()).isPresent();

        window.recorder().record(ReceiptBuilder.BACKUP_WAIVED, Map.of("reason", "customer keeps no settings"));
        robot.interact(() -> window.navigator().goTo(Step.DETECT));
        robot.interact(() -> window.navigator().goTo(Step.REMOVE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        assertThat(robot.lookup("#gate-open").queryLabeled().getText()).contains("customer keeps no settings");
        verifyThat("#remove-start", NodeMatchers.isEnabled());

        robot.clickOn("#remove-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !state.isBusy()
                && robot.lookup("#next").query().isDisabled() == false);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked).anySatisfy(a -> assertThat(a).startsWith("confirm: " + Messages.get("remove.confirm.title", 3)));
        assertThat(robot.lookup("#status-kesl").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.removed"));
        assertThat(robot.lookup("#status-ksc-network-agent").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.removed"));
        assertThat(robot.lookup("#status-kav4fs-leftovers").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.cleaned"));
        assertThat(robot.lookup("#remove-banner").queryLabeled().getText()).isEqualTo(Messages.get("remove.done.title"));
        ListView<String> log = robot.lookup("#remove-log").query();
        assertThat(log.getItems()).anySatisfy(l -> assertThat(l).contains("--purge kesl"));
        assertThat(installed("kesl")).isFalse();
        assertThat(installed("klavaro")).isTrue();
        robot.clickOn("#next");
        assertThat(state.stepStates().get(Step.REMOVE)).isEqualTo(StepState.DONE);
        assertThat(dialogs.errors).isEmpty();
    }

    private boolean installed(String pkg) throws Exception {
        var r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W",
                "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() && r.stdout().strip().equals("installed");
    }
}
