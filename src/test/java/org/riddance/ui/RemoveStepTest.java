package org.riddance.ui;

import org.riddance.app.WizardSteps;
import org.riddance.engine.Sessions;
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
import org.riddance.engine.AppContext;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInScripts;
import org.riddance.engine.Remediation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.ReceiptBuilder;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.riddance.detect.Detector;
import org.riddance.work.Progress;
import org.riddance.ui.remove.RemoveStep;
import org.riddance.ui.shell.SessionRecorder;
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
    private AppContext context;
    private Stage stage;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("riddance-demo");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path dataDir = Files.createTempDirectory("riddance-data");
        Host host = Hosts.sandbox(root);
        this.stage = stage;
        context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void lockedUntilTheJournalHoldsABackupOrAWaiver(FxRobot robot) throws Exception {
        SessionRecorder recorder = new SessionRecorder(new Sessions(context, p -> { }), e -> { });
        recorder.startOrUpdate(new SessionInfo("Ana Silva", "", "Acme Dental", "", ""));
        WizardState alone = new WizardState();
        alone.scanReportProperty().set(Detector.standard(Clock.systemUTC()).scan(context.host(), context.catalog(),
                Progress.NONE, Cancellation.none()));
        RemoveStep step = new RemoveStep(context, alone, dialogs, recorder);
        robot.interact(() -> stage.setScene(new javafx.scene.Scene(new javafx.scene.control.ScrollPane(step.view()), 1000, 700)));
        robot.interact(step::entered);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#plan-kesl").tryQuery().isPresent());

        assertThat(robot.lookup("#remove-banner").queryLabeled().getText()).isEqualTo(Messages.get("remove.locked.title"));
        verifyThat("#remove-start", NodeMatchers.isDisabled());
        assertThat(step.canContinue().get()).isFalse();
        assertThat(robot.lookup("#plan-kesl").lookup((Label l) -> l.getText().contains("--purge kesl")).tryQuery()).isPresent();

        recorder.awaitSession().waiveBackup("customer keeps no settings");
        robot.interact(step::entered);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        assertThat(robot.lookup("#gate-open").queryLabeled().getText()).contains("customer keeps no settings");
        verifyThat("#remove-start", NodeMatchers.isEnabled());
        recorder.close();
    }

    @Test
    void afterTheBackUpStepRemovesInOrderAndShowsEachOutcome(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        window.recorder().awaitSession().waiveBackup("customer keeps no settings");
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#next").query().isDisabled());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        assertThat(robot.lookup("#gate-open").queryLabeled().getText()).contains("customer keeps no settings");
        verifyThat("#remove-start", NodeMatchers.isEnabled());
        verifyThat("#next", NodeMatchers.isDisabled());
        assertThat(robot.lookup("#plan-ksc-network-agent").tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n.getId() != null && n.getId().startsWith("password-note-")).tryQuery())
                .as("Linux packages take no uninstall password: no password note").isEmpty();
        assertThat(robot.lookup((javafx.scene.control.Labeled l) -> l.getText() != null
                && l.getText().contains("KLUNINSTPASSWD")).tryQuery()).isEmpty();
        Label hint = robot.lookup("#next-hint").queryAs(Label.class);
        assertThat(hint.getText()).as("says why Next is locked").isEqualTo(Messages.get("nav.hint.remove"));
        java.util.List<String> hintsWhileBusy = new java.util.concurrent.CopyOnWriteArrayList<>();
        state.busyProperty().addListener((o, was, busy) -> {
            if (busy && hint.isVisible()) {
                hintsWhileBusy.add(hint.getText());
            }
        });

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
        assertThat(hintsWhileBusy).as("while removal runs the hint says so").isNotEmpty()
                .allSatisfy(h -> assertThat(h).isEqualTo(Messages.get("nav.busy.remove")));
        robot.clickOn("#next");
        assertThat(state.stepStates().get(Step.REMOVE)).isEqualTo(StepState.DONE);
        assertThat(dialogs.errors).isEmpty();
    }

    /**
     * Issue 14: kesl's postrm writes a log after the back-up; removal keeps it (no verified archive holds it) and the
     * step says so, path by path. {@code -Dshots=DIR} saves the step at 900x600 and 1366x768 for a look.
     */
    @Test
    void whatTheUninstallerWritesAfterTheBackUpIsShownAsKept(FxRobot robot) throws Exception {
        Files.writeString(root.resolve("etc/machine-id"), "5f3c0a7e9b2d4c61a8e0f1d2c3b4a596\n");
        StandInScripts.reinstallKesl(root, Files.createTempDirectory("riddance-debs"),
                StandInScripts.KESL_POSTRM_WRITES_LOGS);
        SessionRecorder recorder = new SessionRecorder(new Sessions(context, p -> { }), e -> { });
        recorder.startOrUpdate(new SessionInfo("Ana Silva", "", "Acme Dental", "", ""));
        Remediation session = recorder.awaitSession();
        WizardState alone = new WizardState();
        alone.scanReportProperty().set(session.scan(Progress.NONE, Cancellation.none()));
        Path stick = Files.createTempDirectory("riddance-stick");
        assertThat(session.backUp(session.planBackup(Progress.NONE, Cancellation.none()), stick, Progress.NONE,
                Cancellation.none()).verified()).isTrue();
        RemoveStep step = new RemoveStep(context, alone, dialogs, recorder);
        robot.interact(() -> stage.setScene(new Scene(new ScrollPane(step.view()), 1000, 700)));
        robot.interact(step::entered);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());

        robot.clickOn("#remove-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#remove-kept").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#remove-kept").queryLabeled().getText()).isEqualTo(Messages.get("remove.kept", 2));
        assertThat(robot.lookup((Label l) -> l.getText().contains("uninstall.log")).tryQuery()).isPresent();
        assertThat(root.resolve("var/opt/kaspersky/kesl/common/uninstall.log")).exists();
        assertThat(root.resolve("var/opt/kaspersky/kesl/common/agreements.ini")).doesNotExist();
        String shots = System.getProperty("shots");
        if (shots != null) {
            for (int[] size : new int[][] {{900, 600}, {1366, 768}}) {
                Path file = Path.of(shots, "remove-kept-" + size[0] + "x" + size[1] + ".png");
                ScrollPane pane = new ScrollPane();
                robot.interact(() -> {
                    pane.setContent(step.view());
                    pane.setFitToWidth(true); // as the wizard shows a step: wrapped to the window
                    stage.setScene(new Scene(pane, size[0], size[1]));
                });
                robot.interact(() -> pane.setVvalue(0)); // the result, at the top, after the first layout
                robot.interact(() -> save(stage.getScene().snapshot(null), file));
            }
        }
        recorder.close();
    }

    private static void save(javafx.scene.image.WritableImage image, Path file) {
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(),
                (int) image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(png, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean installed(String pkg) throws Exception {
        var r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W",
                "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() && r.stdout().strip().equals("installed");
    }
}
