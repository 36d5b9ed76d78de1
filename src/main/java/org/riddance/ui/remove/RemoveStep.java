package org.riddance.ui.remove;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.engine.AppContext;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.detect.ScanReport;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.removal.BackupGate;
import org.riddance.removal.BootId;
import org.riddance.removal.Blockage;
import org.riddance.removal.Outcome;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalListener;
import org.riddance.removal.RemovalOptions;
import org.riddance.removal.RemovalPlan;
import org.riddance.removal.RemovalPlanner;
import org.riddance.removal.RemovalReport;
import org.riddance.removal.RemovalSession;
import org.riddance.removal.RemovalState;
import org.riddance.engine.Relaunch;
import org.riddance.engine.RemovalHandlers;
import org.riddance.removal.RestartRegistration;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 4: the removal plan with every command, run item by item with a live log. Locked until the journal holds a
 * verified backup or a recorded waiver. After the restart removal asked for, the relaunched wizard lands here and
 * carries on by itself; the journal says where things stand.
 */
public final class RemoveStep extends WizardStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoveStep.class);
    /** Kept paths listed in the step; the journal and the log hold every one. */
    private static final int KEPT_SHOWN = 5;

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final SessionRecorder recorder;
    private final UiRemovalBridge bridge;
    private final LastResort lastResort;
    private final SimpleBooleanProperty finished = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty gateOpen = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty waitingForRestart = new SimpleBooleanProperty(false);
    private final Map<String, PlanItemRow> rows = new LinkedHashMap<>();
    private final VBox gate = new VBox(6);
    private final VBox plan = new VBox(8);
    private final VBox result = new VBox(6);
    private final ListView<String> log = new ListView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button start = new Button(Messages.get("remove.start"), new FontIcon(Material2AL.DELETE_SWEEP));
    private boolean allGone;
    private Path sessionDir;

    public RemoveStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder) {
        super(Step.REMOVE, Material2AL.DELETE_SWEEP);
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.recorder = recorder;
        this.bridge = new UiRemovalBridge(dialogs);
        this.lastResort = new LastResort(context, state, dialogs, bridge, this::session, recorder);
    }

    /** What a removal run needs besides the session: who answers its questions, how to start again, what to redraw. */
    record Session(RemovalHandlers handlers, Relaunch relaunch, Runnable refresh) {
    }

    private Session session() {
        return new Session(bridge.handlers(UiRemovalBridge.listener(line -> log.getItems().add(line),
                (id, s) -> status(id, s.getKey(), s.getValue()), (id, why, properties) -> blocked(id, why))), relaunch(), () -> {
                    finished.set(false);
                    refresh(false);
                });
    }

    @Override
    public ObservableBooleanValue canContinue() {
        return finished;
    }

    @Override
    public StepState stateWhenLeft() {
        return finished.get() && allGone ? StepState.DONE : StepState.ATTENTION;
    }

    @Override
    public void entered() {
        refresh(true);
    }

    @Override
    protected Node createView() {
        start.setId("remove-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(gateOpen.not().or(state.busyProperty()).or(finished).or(waitingForRestart));
        start.setOnAction(e -> confirmAndRun());
        progress.setId("remove-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.visibleProperty().bind(state.busyProperty());
        progressText.visibleProperty().bind(state.busyProperty());
        progressText.getStyleClass().add(Css.STEP_INTRO);
        HBox actions = new HBox(12, start, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        gate.setId("remove-gate");
        result.setId("remove-result");
        log.setId("remove-log");
        log.getStyleClass().add(Css.REMOVAL_LOG);
        log.setPrefHeight(160);
        TitledPane logPane = new TitledPane(Messages.get("remove.log"), log);
        logPane.setExpanded(true);
        VBox page = new VBox(14, heading("remove.heading"), intro("remove.intro"), gate, result, actions, progressText,
                plan, logPane);
        page.setMinWidth(0);
        return page;
    }

    /** Reads the journal and makes the plan off the FX thread, then shows the gate, the plan and how each item stands. */
    private void refresh(boolean mayContinue) {
        ScanReport scan = state.scanReportProperty().get();
        boolean needPlan = scan != null && rows.isEmpty();
        recorder.session().thenApply(s -> {
                    try {
                        return new Snapshot(s.contents().records(), s.folder(),
                                needPlan ? s.planRemoval(Passwords.none()) : null);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .whenComplete((snapshot, error) -> Platform.runLater(() -> {
                    if (error != null && !(error.getCause() instanceof IllegalStateException)) { // that: no session yet
                        LOG.error("The removal plan could not be made", error);
                        dialogs.showError(Messages.get("remove.failed"), error.getCause() != null ? error.getCause() : error);
                    }
                    show(scan, snapshot == null ? new Snapshot(List.of(), null, null) : snapshot, mayContinue);
                }));
    }

    /** @param plan the removal plan, when the view had none yet */
    private record Snapshot(List<JournalRecord> records, Path directory, RemovalPlan plan) {
    }

    private void show(ScanReport scan, Snapshot snapshot, boolean mayContinue) {
        sessionDir = snapshot.directory();
        BackupGate.Decision decision = BackupGate.check(snapshot.records());
        RemovalState removal = RemovalState.of(snapshot.records());
        gateOpen.set(decision.open() && sessionDir != null && (scan != null || !removal.started().isEmpty()));
        gate.getChildren().clear();
        if (!decision.open()) {
            gate.getChildren().add(banner(Styles.WARNING, Messages.get("remove.locked.title"),
                    Messages.get("remove.locked.body", decision.why())));
        } else if (scan == null && removal.started().isEmpty()) {
            gate.getChildren().add(banner(Styles.WARNING, Messages.get("remove.locked.title"), Messages.get("remove.locked.noscan")));
        } else {
            Label line = new Label(org.riddance.ui.Wrapping.atSeparators(Messages.get("remove.gate.open", decision.why())));
            line.setId("gate-open");
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.getStyleClass().add(Css.MACHINE_LINE);
            gate.getChildren().add(line);
        }
        if (snapshot.plan() != null && rows.isEmpty()) {
            showPlan(snapshot.plan());
        }
        removal.outcomes().forEach((id, outcome) -> status(id, statusOf(outcome), ""));
        removal.blockages().forEach(this::blocked);
        removal.uninstalled().stream().filter(id -> !removal.outcomes().containsKey(id))
                .forEach(id -> status(id, RemovalListener.Status.UNINSTALLED, ""));
        removal.needReboot().forEach(id -> status(id, RemovalListener.Status.REBOOT_NEEDED, ""));
        if (removal.completed()) {
            finished.set(true);
            allGone = removal.outcomes().values().stream().noneMatch(o -> o == Outcome.FAILED);
            showResult(allGone ? Styles.SUCCESS : Styles.DANGER, allGone ? "remove.done.title" : "remove.remains.title",
                    allGone ? Messages.get("remove.done.body") : Messages.get("remove.remains.body", ""));
        } else if (removal.rebootPending()) {
            showResult(Styles.WARNING, "remove.reboot.title", Messages.get("remove.reboot.body"));
            boolean restarted = !BootId.same(removal.rebootPendingBootId().get(), BootId.of(context.host()));
            waitingForRestart.set(!restarted);
            if (restarted && mayContinue && gateOpen.get() && !state.isBusy()) {
                run(); // back after the restart: carry on without being asked
            }
        } else if (scan != null && scan.findings().isEmpty()) {
            finished.set(true);
            allGone = true;
            showResult(Styles.SUCCESS, "remove.nothing", "");
        }
    }

    private void showPlan(RemovalPlan removalPlan) {
        plan.getChildren().clear();
        rows.clear();
        int n = 1;
        for (var item : removalPlan.items()) {
            PlanItemRow row = new PlanItemRow(n++, item, () -> lastResort.offer(item, start.getScene()));
            rows.put(item.id(), row);
            plan.getChildren().add(row);
        }
    }

    private void confirmAndRun() {
        if (dialogs.confirm(Messages.get("remove.confirm.title", rows.size()), Messages.get("remove.confirm.body"),
                Messages.get("remove.confirm.do", rows.size()), Messages.get("remove.confirm.keep"))) {
            run();
        }
    }

    private void run() {
        RemovalHandlers handlers = bridge.handlers(UiRemovalBridge.listener(line -> {
            log.getItems().add(line);
            log.scrollTo(log.getItems().size() - 1);
        }, (id, s) -> status(id, s.getKey(), s.getValue()), (id, why, properties) -> blocked(id, why)));
        Relaunch relaunch = relaunch();
        CoreTask<RemovalReport> task = new CoreTask<>((p, cancel) ->
                recorder.awaitSession().remove(Passwords.none(), handlers, relaunch, p, cancel));
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            RemovalReport report = task.getValue();
            if (report.rebootPending()) {
                waitingForRestart.set(true);
                showResult(Styles.WARNING, "remove.reboot.title", Messages.get("remove.reboot.body"));
                return;
            }
            finished.set(true);
            allGone = report.allGone();
            showResult(allGone ? Styles.SUCCESS : Styles.DANGER, allGone ? "remove.done.title" : "remove.remains.title",
                    allGone ? Messages.get("remove.done.body")
                            : Messages.get("remove.remains.body", String.join(", ", report.remaining())));
            report.staleSecurityCenter().forEach(s -> result.getChildren().add(new Label(Messages.get("remove.stale", s))));
            showKept(report.kept());
        });
        task.setOnFailed(e -> dialogs.showError(Messages.get("remove.failed"), task.getException()));
        state.run(task);
    }

    /** What removal kept because the back-up does not hold it: the technician backs up again or records why not. */
    private void showKept(List<String> kept) {
        if (kept.isEmpty()) {
            return;
        }
        Label heading = new Label(Messages.get("remove.kept", kept.size()));
        heading.setId("remove-kept");
        heading.setWrapText(true);
        result.getChildren().add(heading);
        kept.stream().limit(KEPT_SHOWN).forEach(k -> {
            Label line = new Label(org.riddance.ui.Wrapping.atSeparators(Messages.get("remove.kept.path", k)));
            line.setWrapText(true);
            result.getChildren().add(line);
        });
        if (kept.size() > KEPT_SHOWN) {
            result.getChildren().add(new Label(Messages.get("remove.kept.more", kept.size() - KEPT_SHOWN)));
        }
    }

    /** The wizard again, on this data folder and root, when the technician logs on after the restart. */
    private Relaunch relaunch() {
        List<String> args = new ArrayList<>(List.of("--data-dir", context.dataDir().toString()));
        if (context.demo()) {
            args.add("--demo");
        } else if (context.host().isSandbox()) {
            args.addAll(List.of("--root", context.host().files().root().toString()));
        }
        return new Relaunch(args, RestartRegistration.Mode.DESKTOP);
    }

    private void status(String id, RemovalListener.Status status, String detail) {
        PlanItemRow row = rows.get(id);
        if (row != null) {
            row.show(status, detail);
        }
    }

    /** Kaspersky's own protection stopped the item: say which, and what to do next, in the technician's language. */
    private void blocked(String id, Blockage why) {
        PlanItemRow row = rows.get(id);
        if (row != null) {
            row.showBlockage(why);
        }
    }

    private static RemovalListener.Status statusOf(Outcome outcome) {
        return switch (outcome) {
            case REMOVED -> RemovalListener.Status.REMOVED;
            case CLEANED -> RemovalListener.Status.CLEANED;
            case FAILED -> RemovalListener.Status.FAILED;
            case SKIPPED -> RemovalListener.Status.SKIPPED;
        };
    }

    private void showResult(String style, String titleKey, String body) {
        result.getChildren().setAll(banner(style, Messages.get(titleKey), body));
    }

    private static Node banner(String style, String title, String body) {
        return ResultBanners.of(style, "remove-banner", title, body);
    }
}
