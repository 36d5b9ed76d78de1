package org.riddance.ui;

import org.riddance.platform.TestPlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.app.WizardSteps;
import org.riddance.demo.DemoAntivirus;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInClamd;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.Privileges;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.Step;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole demo at the window's minimum size, 900x600: typed and driven from the keyboard (Enter for Next, Space
 * on the focused button), ending in a PASS receipt; on every step no label, button or title is cut short with "...".
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowWalkTest {

    private WizardState state;
    private WizardWindow window;
    private Stage stage;
    private StandInClamd clamd;
    private Path stick;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        if (!onPath("dpkg-deb") || !onPath("dpkg")) {
            return; // the test itself skips, saying why
        }
        Path root = Files.createTempDirectory("riddance-small-root");
        Path data = Files.createTempDirectory("riddance-small-data");
        stick = Files.createTempDirectory("riddance-small-stick");
        Files.writeString(data.resolve("window.properties"), "width=900\nheight=600\n");
        SystemProcessRunner runner = new SystemProcessRunner();
        DemoSandbox.build(root, runner, Cancellation.none());
        clamd = DemoAntivirus.WORKING.installInto(root, runner, Clock.systemUTC()).orElseThrow();
        Host host = Hosts.sandbox(root).withPrivileges(TestPlatform.privileges(true));
        AppContext context = new AppContext(host, data, new SessionStore(data, Clock.systemUTC()), Clock.systemUTC());
        Themes.darkProperty().set(false);
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
        stage.setWidth(900);
        stage.setHeight(600);
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.recorder().flush().get(10, TimeUnit.SECONDS);
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    @Test
    void theWholeDemoByKeyboardAt900x600EndsInAPassReceiptWithNothingClipped(FxRobot robot) throws Exception {
        assumeTrue(window != null, "needs dpkg and dpkg-deb to build the demo sandbox");
        List<String> clipped = new ArrayList<>();
        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(900);
        check(robot, "welcome", clipped);

        robot.write("José Müller").type(KeyCode.TAB, KeyCode.TAB).write("Acme Dental, Porto office")
                .type(KeyCode.TAB).write("INC 4711");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> state.currentStep() == Step.DETECT && state.scanReportProperty().get() != null && !state.isBusy());
        check(robot, "detect", clipped);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> state.currentStep() == Step.BACKUP && !state.isBusy()
                && robot.lookup("#backup-destination").tryQuery().isPresent());
        check(robot, "backup", clipped);
        robot.interact(() -> robot.lookup("#backup-destination").<ComboBox<Path>>query().setValue(stick));
        press(robot, "#backup-start");
        waitUntil(() -> !state.isBusy() && window.navigator().canGoNextProperty().get());
        check(robot, "backup verified", clipped);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> state.currentStep() == Step.REMOVE && !state.isBusy()
                && !robot.lookup("#remove-start").queryButton().isDisabled());
        check(robot, "remove", clipped);
        press(robot, "#remove-start"); // ScriptedDialogs answers "Remove 3 products"
        waitUntil(() -> !state.isBusy() && window.navigator().canGoNextProperty().get());
        check(robot, "remove finished", clipped);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> state.currentStep() == Step.REPLACEMENT && !state.isBusy()
                && window.navigator().canGoNextProperty().get());
        press(robot, "#run-eicar");
        waitUntil(() -> !state.isBusy());
        check(robot, "replacement", clipped);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> state.currentStep() == Step.RECEIPT && robot.lookup("#passphrase").tryQuery().isPresent());
        check(robot, "receipt", clipped);
        robot.clickOn("#passphrase").write("correct horse battery").type(KeyCode.TAB).write("correct horse battery");
        press(robot, "#create-key"); // creating the key signs nothing; the reviewed receipt is signed next
        waitUntil(() -> !state.isBusy() && !robot.lookup("#sign-receipt").queryButton().isDisabled());
        press(robot, "#sign-receipt");
        waitUntil(() -> !state.isBusy() && robot.lookup("#receipt-result").tryQuery().isPresent());
        check(robot, "receipt signed", clipped);

        assertThat(robot.lookup("#receipt-result").queryLabeled().getText()).isEqualTo(Messages.get("receipt.result.pass"));
        assertThat(clipped).as("labels cut short with '...' at 900x600").isEmpty();
    }

    /** Focus the button as Tab would, then Space: the keyboard's way of pressing it. */
    private static void press(FxRobot robot, String query) {
        Button button = robot.lookup(query).queryButton();
        assertThat(button.isDisabled()).as(query + " enabled").isFalse();
        robot.interact(button::requestFocus);
        robot.type(KeyCode.SPACE);
    }

    private void check(FxRobot robot, String where, List<String> clipped) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Clipping.clippedIn(stage.getScene().getRoot()).forEach(c -> clipped.add(where + ": " + c)));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
