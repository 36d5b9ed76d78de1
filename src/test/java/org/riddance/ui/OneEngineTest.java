package org.riddance.ui;

import org.riddance.app.WizardSteps;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.riddance.cli.RiddanceCommand;
import org.riddance.demo.DemoSandbox;
import org.riddance.engine.AppContext;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionStore;
import org.riddance.journal.entry.SessionClosed;
import org.riddance.journal.entry.SessionResumed;
import org.riddance.journal.entry.StepAttention;
import org.riddance.journal.entry.StepCompleted;
import org.riddance.journal.entry.StepEntered;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.Step;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.riddance.work.Cancellation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard and {@code run --unattended} are two faces of one engine: on two copies of the same sandbox, going
 * without a back-up for the same reason, they journal the same kinds of record in the same order (the wizard's own
 * navigation records aside).
 */
@ExtendWith(ApplicationExtension.class)
class OneEngineTest {

    private static final String REASON = "customer keeps no settings on this PC";
    private static final Set<String> NAVIGATION = Set.of(StepEntered.TYPE, StepCompleted.TYPE, StepAttention.TYPE,
            SessionResumed.TYPE, SessionClosed.TYPE, "session.details");

    private Path wizardRoot;
    private Path wizardData;
    private WizardState state;
    private WizardWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        wizardRoot = Files.createTempDirectory("riddance-one-engine-wizard");
        DemoSandbox.build(wizardRoot, new SystemProcessRunner(), Cancellation.none());
        wizardData = Files.createTempDirectory("riddance-one-engine-wizard-data");
        AppContext context = new AppContext(Hosts.sandbox(wizardRoot), wizardData,
                new SessionStore(wizardData, Clock.systemUTC()), Clock.systemUTC());
        Themes.applyInitial();
        state = new WizardState();
        window = new WizardWindow(context, state, r -> dialogs, services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
    }

    @Test
    void theWizardAndTheUnattendedRunJournalTheSameRecordKinds(FxRobot robot) throws Exception {
        robot.clickOn("#technicianName").write("José Müller");
        robot.clickOn("#site").write("Acme Dental");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state.scanReportProperty().get() != null && !state.isBusy());
        window.recorder().awaitSession().waiveBackup(REASON); // what the Back up step's waiver pane calls
        robot.interact(() -> window.navigator().goTo(Step.BACKUP));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !state.isBusy() && !robot.lookup("#next").query().isDisabled());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gate-open").tryQuery().isPresent());
        robot.clickOn("#remove-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !state.isBusy() && !robot.lookup("#next").query().isDisabled());
        robot.clickOn("#next"); // the replacement check runs as the step opens
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !state.isBusy() && !robot.lookup("#next").query().isDisabled());
        robot.clickOn("#next");
        robot.clickOn("#passphrase").write("correct horse");
        robot.clickOn("#passphrase-again").write("correct horse");
        robot.clickOn("#create-key");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#key-created").tryQuery().isPresent()
                && !state.isBusy());
        robot.clickOn("#sign-receipt");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#receipt-result").tryQuery().isPresent());
        window.recorder().flush().get(10, TimeUnit.SECONDS);
        List<String> wizard = kinds(wizardData);

        Path cliRoot = Files.createTempDirectory("riddance-one-engine-cli");
        DemoSandbox.build(cliRoot, new SystemProcessRunner(), Cancellation.none());
        Path cliData = Files.createTempDirectory("riddance-one-engine-cli-data");
        Path keys = Files.createTempDirectory("riddance-one-engine-keys");
        TechnicianKeystore.create(keys, "correct horse".toCharArray(), "José Müller", Clock.systemUTC());
        Path passphrase = Files.writeString(keys.resolve("passphrase"), "correct horse\n");
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("--data-dir", cliData.toString(), "--root", cliRoot.toString(), "run", "--unattended",
                "--no-backup", "--reason", REASON, "--receipt-to", cliData.resolve("out").toString(), "--technician",
                "José Müller", "--site", "Acme Dental", "--key", keys.resolve(TechnicianKeystore.KEYSTORE).toString(),
                "--passphrase-file", passphrase.toString(), "--no-eicar");
        assertThat(exit).as(err.toString()).isEqualTo(1); // no antivirus in the sandbox: signed, not PASS
        List<String> commandLine = kinds(cliData);

        assertThat(wizard).contains("scan.completed", "backup.waived", "removal.completed", "antivirus.checked",
                "receipt.signed");
        assertThat(commandLine).isEqualTo(wizard);
        assertThat(dialogs.errors).isEmpty();
    }

    /** The record kinds of the one session in {@code data}, without the wizard's navigation records. */
    private static List<String> kinds(Path data) throws Exception {
        Path journal;
        try (Stream<Path> sessions = Files.list(data.resolve("sessions"))) {
            journal = sessions.findFirst().orElseThrow().resolve(SessionStore.JOURNAL);
        }
        return JournalContents.read(journal).records().stream().map(JournalRecord::type)
                .filter(t -> !NAVIGATION.contains(t)).toList();
    }
}
