package org.riddance.ui;

import org.riddance.app.WizardSteps;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.removal.RecordingRunner;
import org.riddance.removal.StandInMsiexec;
import org.riddance.removal.RestartRegistration;
import org.riddance.session.Step;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Remove step on a Windows sandbox (the KES + Network Agent registry fixture, msiexec answered by a recording
 * runner): the password dialog after 1603, the reboot banner after 3010, and the step carrying on by itself once the
 * PC has restarted.
 */
@ExtendWith(ApplicationExtension.class)
class RemoveStepWindowsTest {

    static final String KES = StandInMsiexec.KES_CODE;
    static final String AGENT = StandInMsiexec.AGENT_CODE;

    private Path root;
    private InMemoryRegistry registry;
    private final RecordingRunner runner = new RecordingRunner();
    /** Answers every msiexec: what goes follows from the command the wizard ran, never from the test. */
    private StandInMsiexec installer;
    private WizardState state;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("riddance-windows");
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-1\n");
        registry = RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"));
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry).withProcesses(runner);
        installer = new StandInMsiexec(registry, host.files());
        runner.otherwise(installer);
        Path dataDir = Files.createTempDirectory("riddance-data");
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void asksForThePasswordShowsTheRestartBannerAndCarriesOnAfterTheRestart(FxRobot robot) throws Exception {
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", "Secr3t")))
                .installed(StandInMsiexec.agent().endingWith(3010));
        dialogs.passwordAnswer = Optional.of(new DialogService.Credentials("KLAdmin", "Secr3t"));
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        window.recorder().awaitSession().waiveBackup("test PC");
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#next").query().isDisabled());
        robot.interact(() -> window.navigator().goTo(Step.REMOVE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        // the uninstallers that take a password say what to have ready, in words, not MSI property names
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#plan-kes-windows").tryQuery().isPresent());
        assertThat(robot.lookup("#password-note-kes-windows").queryLabeled().getText())
                .isEqualTo(Messages.get("remove.password.note.product"));
        assertThat(robot.lookup("#password-note-ksc-network-agent").queryLabeled().getText())
                .isEqualTo(Messages.get("remove.password.note.agent"));
        assertThat(robot.lookup((javafx.scene.control.Labeled l) -> l.getText() != null
                && l.getText().matches("(?s).*KL(LOGIN|PASSWD|UNINSTPASSWD).*")).tryQuery()).isEmpty();

        robot.clickOn("#remove-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.isBusy() && robot.lookup("#remove-banner").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().equals(Messages.get("remove.reboot.title"))).orElse(false));

        assertThat(dialogs.asked).anySatisfy(a -> assertThat(a).startsWith("password: "
                + Messages.get("remove.password.title", "Kaspersky Endpoint Security for Windows")).contains("1603", "account KLAdmin"));
        assertThat(robot.lookup("#status-ksc-network-agent").queryLabeled().getText())
                .isEqualTo(Messages.get("remove.status.reboot_needed"));
        assertThat(robot.lookup((javafx.scene.control.Label l) -> l.getText().contains("Secr3t")).tryQuery())
                .as("the password is shown nowhere").isEmpty();
        javafx.scene.control.ListView<String> log = robot.lookup("#remove-log").query();
        assertThat(log.getItems()).anySatisfy(l -> assertThat(l).contains("KLPASSWD=*****"))
                .noneSatisfy(l -> assertThat(l).contains("Secr3t"));
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE)).isPresent();
        assertThat(robot.lookup("#next").query().isDisabled()).isTrue();

        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-2\n"); // the PC restarted
        robot.interact(() -> window.navigator().goTo(Step.DETECT));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !state.isBusy());
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#next").query().isDisabled());
        robot.interact(() -> window.navigator().goTo(Step.REMOVE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.isBusy() && robot.lookup("#remove-banner").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().equals(Messages.get("remove.done.title"))).orElse(false));

        assertThat(robot.lookup("#status-kes-windows").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.removed"));
        assertThat(robot.lookup("#status-ksc-network-agent").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.removed"));
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE)).isEmpty();
        assertThat(runner.seen()).hasSize(3);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aDeclinedPasswordFailsTheItemWithWhatToDoAndOffersKavremover(FxRobot robot) throws Exception {
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", "Secr3t")))
                .installed(StandInMsiexec.agent());
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        window.recorder().awaitSession().waiveBackup("test PC");
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#next").query().isDisabled());
        robot.interact(() -> window.navigator().goTo(Step.REMOVE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        assertThat(robot.lookup("#kavremover-kes-windows").query().isVisible()).isFalse();

        robot.clickOn("#remove-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.isBusy() && robot.lookup("#remove-banner").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().equals(Messages.get("remove.remains.title"))).orElse(false));

        assertThat(robot.lookup("#status-kes-windows").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.failed"));
        assertThat(robot.lookup("#detail-kes-windows").queryLabeled().getText()).contains("1603", "KLAPR")
                .as("named: password protection, with what to do next")
                .startsWith(Messages.get("remove.blockage.password-needed"))
                .contains(Messages.get("remove.blockage.password-needed.next"));
        assertThat(robot.lookup("#kavremover-kes-windows").query().isVisible()).isTrue();
        assertThat(robot.lookup("#status-ksc-network-agent").queryLabeled().getText()).isEqualTo(Messages.get("remove.status.removed"));
        assertThat(robot.lookup("#next").query().isDisabled()).as("a failed removal can still be carried to the receipt").isFalse();
    }
}
