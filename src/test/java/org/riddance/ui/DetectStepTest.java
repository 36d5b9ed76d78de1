package org.riddance.ui;

import org.riddance.app.WizardSteps;
import org.riddance.journal.entry.ScannedProduct;
import org.riddance.journal.entry.ScanCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.engine.AppContext;
import org.riddance.demo.DemoSandbox;
import org.riddance.detect.Finding;
import org.riddance.journal.JournalContents;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
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

/** The Detect step on the demo sandbox: real dpkg, real findings, the evidence and the citations on screen. */
@ExtendWith(ApplicationExtension.class)
class DetectStepTest {

    private Path dataDir;
    private WizardState state;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory("riddance-demo");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        dataDir = Files.createTempDirectory("riddance-data");
        Host host = Hosts.sandbox(root);
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void scansOnArrivalAndShowsEachProductWithItsEvidenceAndWhyItIsBanned(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#scan-result").queryLabeled().getText())
                .isEqualTo(Messages.get("detect.result.found", 3));
        assertThat(state.scanReportProperty().get().findings()).extracting(Finding::productId)
                .containsExactlyInAnyOrder("kesl", "ksc-network-agent", "kav4fs-leftovers");
        verifyThat("#finding-kesl", NodeMatchers.isVisible());
        // the agent's server is named above the cards, without expanding any: it may push the product back
        verifyThat("#managed-by", NodeMatchers.isVisible());
        assertThat(robot.lookup("#managed-by").queryLabeled().getText())
                .isEqualTo(Messages.get("detect.result.managed", "ksc01.example.com"));
        assertThat(robot.lookup((Label l) -> Messages.get("detect.result.managed.body").equals(l.getText())).tryQuery())
                .isPresent();
        verifyThat("#finding-ksc-network-agent", NodeMatchers.isVisible());

        TitledPane kesl = robot.lookup("#finding-kesl").query();
        assertThat(kesl.isExpanded()).isFalse();
        robot.clickOn(robot.from(kesl).lookup(".finding-header").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // the expand animation
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kesl.isExpanded()).isTrue();
        assertThat(robot.from(kesl).lookup((Label l) -> "kesl.service".equals(l.getText())).tryQuery()).isPresent();

        // the button is below the fold; Monocle's headless robot sends no wheel events, so scroll the pane itself
        javafx.scene.control.ScrollPane page = robot.lookup("#step-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(page.getVmax()));
        robot.clickOn("#why-kesl");
        assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).contains("Kaspersky Endpoint Security for Linux"));
        // the dialog is not shown in this test, so the scroll pane has no skin yet: look at its content itself
        javafx.scene.Node citations = ((javafx.scene.control.ScrollPane) dialogs.shown.get(dialogs.shown.size() - 1)).getContent();
        assertThat(robot.from(citations).lookup((Label l) -> l.getText().contains("Binding Operational Directive 17-01"))
                .tryQuery()).isPresent();
        assertThat(robot.from(citations).lookup((Label l) -> l.getText().contains("2017-12-12")).tryQuery()).isPresent();

        robot.clickOn("#next");
        assertThat(state.stepStates().get(Step.DETECT)).isEqualTo(StepState.DONE);
        window.recorder().flush().get(10, TimeUnit.SECONDS);
        Path journal = new SessionStore(dataDir, Clock.systemUTC()).findOpen().orElseThrow().directory().resolve("journal.jsonl");
        assertThat(JournalContents.read(journal).last(ScanCompleted.class)).get()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo("banned-found");
                    assertThat(r.findings()).extracting(ScannedProduct::id).contains("kesl");
                });
        assertThat(journal.resolveSibling("findings.json")).as("kept for the receipt's evidence bundle")
                .content().contains("\"id\" : \"kesl\"");
    }
}
