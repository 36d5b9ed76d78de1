package org.riddance.ui;

import org.riddance.platform.TestPlatform;
import org.riddance.journal.entry.AntivirusChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.engine.AppContext;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionStore;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;
import org.riddance.platform.SecurityCenter;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusJournal;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.session.Step;
import org.riddance.ui.detect.DetectStep;
import org.riddance.ui.pending.UnavailableStep;
import org.riddance.ui.receipt.ReceiptStep;
import org.riddance.ui.replacement.ReplacementStep;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.ui.welcome.WelcomeStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The replacement antivirus step on a Windows sandbox whose Security Center lists Defender (with its
 * Get-MpComputerStatus fixture) and a stale Kaspersky entry. The EICAR test runs for real against the sandbox's
 * temporary folder, where nothing removes the file: it must say "not detected" and fail.
 */
@ExtendWith(ApplicationExtension.class)
class ReplacementStepTest {

    private Path dataDir;
    private Path root;
    private WizardState state;
    private WizardWindow window;
    private ReplacementStep step;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("riddance-win");
        dataDir = Files.createTempDirectory("riddance-data");
        DefenderStatus defender;
        try (var in = getClass().getResourceAsStream("/org/riddance/protection/mpcomputerstatus-windows11.json")) {
            defender = TestPlatform.defender(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, RegistryView.NONE).withSecurityCenter(TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("Kaspersky Endpoint Security for Windows", 266240,
                        "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.0.0\\avpui.exe", "{A1}"),
                new AntivirusRegistration("Windows Defender", 397568, "windowsdefender://",
                        "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}")), Optional.of(defender)));
        // the fixture's signatures are from 2025-11-23: judge them as of that day
        Clock clock = Clock.fixed(java.time.Instant.parse("2025-11-23T12:00:00Z"), java.time.ZoneOffset.UTC);
        AppContext context = new AppContext(host, dataDir, new SessionStore(dataDir, Clock.systemUTC()), clock);
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> {
            step = new ReplacementStep(context, state, services.dialogs(), services.recorder(), AntivirusCheck.standard(),
                    new AntivirusRules(context.catalog(), 7), new EicarTest(Duration.ofSeconds(2), Duration.ofSeconds(5)));
            return List.of(new WelcomeStep(state, host.os()), new DetectStep(context, state, services.dialogs(), services.recorder()),
                    new UnavailableStep(Step.BACKUP, Material2AL.ARCHIVE), new UnavailableStep(Step.REMOVE, Material2AL.DELETE_SWEEP),
                    step, new ReceiptStep(context, state, services.dialogs(), services.recorder()));
        });
        window.showIn(stage);
    }

    @Test
    void showsOneCardPerProductRecordsTheCheckAndRunsTheEicarTest(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("Ana Silva");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#next");
        }
        assertThat(state.currentStep()).isEqualTo(Step.REPLACEMENT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> step.reportProperty().get() != null && !state.isBusy());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#av-result").queryLabeled().getText()).isEqualTo(Messages.get("av.result.pass"));
        verifyThat("#av-microsoft-defender", NodeMatchers.isVisible());
        assertThat(robot.lookup("#av-status-microsoft-defender").queryLabeled().getText())
                .isEqualTo(Messages.get("av.status.pass"));
        assertThat(robot.lookup("#av-status-wsc-kaspersky-endpoint-security-for-windows").queryLabeled().getText())
                .as("the stale entry is flagged on its own card").isEqualTo(Messages.get("av.status.fail"));
        assertThat(robot.lookup(Messages.get("av.next", Messages.get("av.advice.stale"))).tryQuery()).isPresent();
        verifyThat("#next", NodeMatchers.isEnabled());

        robot.clickOn("#run-eicar");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !state.isBusy()
                && step.reportProperty().get().primary().orElseThrow().eicar().result()
                != org.riddance.protection.EicarOutcome.Result.NOT_RUN);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#av-result").queryLabeled().getText()).isEqualTo(Messages.get("av.result.fail"));
        assertThat(robot.lookup(Messages.get("av.eicar.not-detected")).tryQuery()).isPresent();
        assertThat(robot.lookup(Messages.get("av.next", Messages.get("av.advice.eicar-missed"))).tryQuery()).isPresent();
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertThat(left).as("the EICAR test folder is removed").isEmpty();
        }

        window.recorder().flush().get(10, TimeUnit.SECONDS);
        Path journal = new SessionStore(dataDir, Clock.systemUTC()).findOpen().orElseThrow().directory()
                .resolve(SessionStore.JOURNAL);
        List<AntivirusChecked> checks = JournalContents.read(journal).all(AntivirusChecked.class);
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).pass()).isTrue();
        assertThat(checks.get(0).eicar()).isEqualTo("not-run");
        assertThat(checks.get(1).pass()).isFalse();
        assertThat(checks.get(1).eicar()).isEqualTo("not-detected");
        assertThat(checks.get(1).name()).startsWith("Windows Defender");
        assertThat(dialogs.errors).isEmpty();
    }
}
