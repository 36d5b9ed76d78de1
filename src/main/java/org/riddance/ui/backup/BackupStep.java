package org.riddance.ui.backup;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.engine.AppContext;
import org.riddance.backup.BackupException;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.BackupRecords;
import org.riddance.engine.Remediation;
import org.riddance.journal.JournalContents;
import org.riddance.journal.entry.BackupVerified;
import org.riddance.journal.entry.BackupWaived;
import org.riddance.removal.BackupGate;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 3: back up what is worth keeping. The plan is made from the scan, the technician ticks items and picks a
 * destination, and the archive is written and read back in one task. Next opens only once the read-back
 * verified the archive, or a waiver with a typed reason was recorded: nothing is removed before that.
 */
public final class BackupStep extends WizardStep {

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final SessionRecorder recorder;
    private final ObjectProperty<BackupPlan> plan = new SimpleObjectProperty<>();
    private final BooleanProperty verified = new SimpleBooleanProperty(false);
    private final BooleanProperty waived = new SimpleBooleanProperty(false);
    private PlanTree tree; // built with the view: the plan tree and the drive list are not needed at start-up
    private DestinationPicker destination;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressFile = new Label();
    private final Label progressStats = new Label();
    private final VBox notices = new VBox(10);
    private final VBox result = new VBox(10);

    public BackupStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder) {
        super(Step.BACKUP, Material2AL.ARCHIVE);
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.recorder = recorder;
        state.scanReportProperty().addListener((obs, old, report) -> plan.set(null));
    }

    @Override
    public ObservableBooleanValue canContinue() {
        return verified.or(waived).or(nothingFound());
    }

    @Override
    public StepState stateWhenLeft() {
        return verified.get() || nothingFound().get() ? StepState.DONE : StepState.ATTENTION;
    }

    /** A clean scan: nothing will be removed, so there is nothing to protect with a back-up. */
    private javafx.beans.binding.BooleanBinding nothingFound() {
        return Bindings.createBooleanBinding(() -> state.scanReportProperty().get() != null
                && state.scanReportProperty().get().findings().isEmpty(), state.scanReportProperty());
    }

    @Override
    public void entered() {
        readJournal();
        if (plan.get() == null && state.scanReportProperty().get() != null && !state.isBusy()) {
            makePlan();
        }
    }

    /** Where the archive goes, as if picked with "Choose folder…" (once the step has been shown). */
    public void chooseDestination(Path folder) {
        destination.choose(folder);
    }

    @Override
    protected Node createView() {
        tree = new PlanTree();
        destination = new DestinationPicker();
        Label heading = heading("backup.heading");
        Label intro = intro("backup.intro");
        Button start = new Button(Messages.get("backup.start"), new FontIcon(Material2AL.ARCHIVE));
        start.setId("backup-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(state.busyProperty().or(plan.isNull())
                .or(Bindings.isEmpty(tree.chosen())).or(destination.destinationProperty().isNull()));
        start.setOnAction(e -> backUp());
        progress.setId("backup-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.visibleProperty().bind(state.busyProperty());
        HBox actions = new HBox(12, start, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        progressFile.setId("backup-progress-file");
        progressStats.setId("backup-progress-stats");
        VBox running = new VBox(2, progressFile, progressStats);
        running.visibleProperty().bind(state.busyProperty());
        running.managedProperty().bind(running.visibleProperty());
        tree.chosenBytes().addListener((obs, old, bytes) -> destination.showSpaceFor(bytes.longValue()));
        Button restore = new Button(Messages.get("restore.open"), new FontIcon(Material2MZ.RESTORE));
        restore.setId("restore-open");
        restore.disableProperty().bind(state.busyProperty());
        restore.setOnAction(e -> new RestoreAction(restore, state, dialogs).run());
        HBox footer = new HBox(restore);
        footer.setAlignment(Pos.CENTER_RIGHT);
        WaiverPane waiver = new WaiverPane(this::waive);
        waiver.visibleProperty().bind(verified.not());
        waiver.managedProperty().bind(waiver.visibleProperty());
        plan.addListener((obs, old, now) -> {
            if (now != null) {
                tree.show(now);
                destination.showSpaceFor(tree.chosenBytes().get());
            }
        });
        VBox page = new VBox(14, heading, intro, notices, tree, destination, actions, running, result, waiver, footer);
        page.setMinWidth(0);
        return page;
    }

    private void makePlan() {
        CoreTask<BackupPlan> task = new CoreTask<>((p, cancel) -> recorder.awaitSession().planBackup(p, cancel));
        task.setOnSucceeded(e -> {
            plan.set(task.getValue());
            var report = state.scanReportProperty().get();
            if (report != null && report.findings().isEmpty()) {
                notices.getChildren().setAll(BackupResultView.banner(Styles.SUCCESS,
                        Messages.get("backup.nothing"), Messages.get("backup.nothing.body")));
            }
        });
        task.setOnFailed(e -> dialogs.showError(Messages.get("backup.plan.failed"), task.getException()));
        state.run(task);
    }

    private void backUp() {
        BackupPlan chosen = plan.get().only(tree.chosenKeys());
        Path target = destination.destinationProperty().get();
        CoreTask<Remediation.BackupOutcome> task = new CoreTask<>((p, cancel) ->
                recorder.awaitSession().backUp(chosen, target, p, cancel));
        TransferRate rate = new TransferRate(System.nanoTime());
        progress.progressProperty().bind(task.progressProperty());
        progressFile.textProperty().bind(task.messageProperty());
        task.progressProperty().addListener((obs, old, now) -> progressStats.setText(
                TransferRate.describe(task.getWorkDone(), task.getTotalWork(), rate, System.nanoTime())));
        result.getChildren().clear();
        task.setOnSucceeded(e -> {
            Remediation.BackupOutcome outcome = task.getValue();
            result.getChildren().setAll(BackupResultView.of(outcome.check(), outcome.written().ownerOnly()));
            if (outcome.verified()) { // a failed second back-up leaves an earlier verified one in force
                verified.set(true);
                waived.set(false);
            }
        });
        task.setOnCancelled(e -> result.getChildren().setAll(BackupResultView.banner(Styles.WARNING,
                Messages.get("backup.result.cancelled"), Messages.get("backup.result.cancelled.body"))));
        task.setOnFailed(e -> {
            if (task.getException() instanceof BackupException problem) {
                result.getChildren().setAll(BackupResultView.banner(Styles.DANGER,
                        Messages.get("backup.result.failed"), problem.getMessage()));
            } else {
                dialogs.showError(Messages.get("backup.result.failed"), task.getException());
            }
        });
        state.run(task);
    }

    private void waive(String reason) {
        if (!dialogs.confirm(Messages.get("backup.waiver.title"), Messages.get("backup.waiver.sure", reason))) {
            return;
        }
        CoreTask<Void> task = new CoreTask<>((p, cancel) -> {
            recorder.awaitSession().waiveBackup(reason);
            return null;
        });
        task.setOnSucceeded(e -> {
            waived.set(true);
            result.getChildren().setAll(BackupResultView.banner(Styles.WARNING, Messages.get("backup.waived"),
                    Messages.get("backup.waived.body", reason)));
        });
        task.setOnFailed(e -> dialogs.showError(Messages.get("error.journal"), task.getException()));
        state.run(task);
    }

    /** On a resumed session: a back-up that was cut off is offered again; one that was verified counts. */
    private void readJournal() {
        recorder.session().thenApply(session -> {
                    try {
                        return session.contents();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .thenAccept(journal -> Platform.runLater(() -> showJournal(journal)))
                .exceptionally(e -> null); // no session yet: nothing to resume
    }

    private void showJournal(JournalContents journal) {
        if (BackupGate.check(journal.records()).open() && !verified.get() && !waived.get()) {
            journal.lastRecord(BackupVerified.class).ifPresent(r -> {
                if (journal.lastRecord(BackupWaived.class).map(w -> w.seq() < r.seq()).orElse(true)) {
                    BackupVerified v = (BackupVerified) r.entry();
                    verified.set(true);
                    result.getChildren().setAll(BackupResultView.banner(Styles.SUCCESS,
                            Messages.get("backup.result.verified"),
                            Messages.get("backup.result.earlier", v.archive(), v.sha256())));
                }
            });
            journal.last(BackupWaived.class).filter(w -> !verified.get()).ifPresent(w -> {
                waived.set(true);
                result.getChildren().setAll(BackupResultView.banner(Styles.WARNING, Messages.get("backup.waived"),
                        Messages.get("backup.waived.body", w.reason())));
            });
        }
        BackupRecords.interrupted(journal).ifPresent(archive -> notices.getChildren().setAll(
                new InterruptedNotice(Path.of(archive), dialogs, recorder, notices.getChildren()::clear)));
    }

    List<String> chosenItems() {
        return List.copyOf(tree.chosenKeys());
    }
}
