package org.riddance.ui.detect;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.engine.AppContext;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.detect.FindingsExport;
import org.riddance.detect.ScanReport;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 2: scan the machine against the catalog. The scan starts on the first visit and runs as a task the
 * view only binds to; Next is open once a scan finished, and the step needs attention if it was incomplete.
 */
public final class DetectStep extends WizardStep {

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final BooleanBinding scanned;
    private final VBox results = new VBox(10);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label catalogLine = new Label(); // filled from the scan, so building the view never loads the catalog
    private final Button scanButton = new Button(Messages.get("detect.scan"), new FontIcon(Material2MZ.SEARCH));

    private final SessionRecorder recorder;

    public DetectStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder) {
        super(Step.DETECT, Material2MZ.SEARCH);
        this.recorder = recorder;
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.scanned = Bindings.createBooleanBinding(() -> state.scanReportProperty().get() != null,
                state.scanReportProperty());
    }

    @Override
    public ObservableBooleanValue canContinue() {
        return scanned;
    }

    @Override
    public StepState stateWhenLeft() {
        ScanReport report = state.scanReportProperty().get();
        return report != null && report.complete() ? StepState.DONE : StepState.ATTENTION;
    }

    @Override
    public void entered() {
        if (state.scanReportProperty().get() == null && !state.isBusy()) {
            scan();
        }
    }

    @Override
    protected Node createView() {
        Label heading = heading("detect.heading");
        Label intro = intro("detect.intro");
        catalogLine.getStyleClass().add(Css.MACHINE_LINE);
        catalogLine.setId("catalog-line");

        scanButton.setId("scan");
        scanButton.getStyleClass().add(Styles.ACCENT);
        scanButton.disableProperty().bind(state.busyProperty());
        scanButton.setOnAction(e -> scan());
        scanButton.textProperty().bind(Bindings.when(scanned)
                .then(Messages.get("detect.rescan")).otherwise(Messages.get("detect.scan")));
        progress.setId("scan-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.visibleProperty().bind(state.busyProperty());
        progressText.visibleProperty().bind(state.busyProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        progressText.getStyleClass().add(Css.STEP_INTRO);
        HBox actions = new HBox(12, scanButton, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Button exportJson = exportButton("detect.export.json", "export-json", ".json");
        Button exportCsv = exportButton("detect.export.csv", "export-csv", ".csv");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox exports = new HBox(8, spacer, exportJson, exportCsv);
        exports.visibleProperty().bind(scanned.and(state.busyProperty().not()));
        exports.managedProperty().bind(exports.visibleProperty());

        state.scanReportProperty().addListener((obs, old, report) -> showReport(report));
        showReport(state.scanReportProperty().get());
        results.setMinWidth(0);
        VBox page = new VBox(14, heading, intro, catalogLine, actions, progressText, exports, results);
        page.setMinWidth(0);
        return page;
    }

    private void scan() {
        CoreTask<ScanReport> task = new CoreTask<>((p, cancellation) -> recorder.scan(p, cancellation));
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> state.scanReportProperty().set(task.getValue()));
        task.setOnCancelled(e -> results.getChildren().setAll(
                banner(Styles.WARNING, Messages.get("detect.result.cancelled"), "")));
        task.setOnFailed(e -> dialogs.showError(Messages.get("detect.result.failed"), task.getException()));
        results.getChildren().setAll(new Label(Messages.get("detect.scanning")));
        state.run(task);
    }

    private void showReport(ScanReport report) {
        if (report == null) {
            return;
        }
        results.getChildren().clear();
        catalogLine.setText(Messages.get("detect.catalog", report.catalogVersion(),
                report.catalogSha256().substring(0, 16) + "\u2026"));
        context.catalogWarning().ifPresent(w -> results.getChildren().add(
                banner(Styles.WARNING, Messages.get("detect.catalog.refused", ""), w)));
        switch (FindingsExport.status(report)) {
            case "banned-found" -> results.getChildren().add(banner(Styles.DANGER,
                    Messages.get("detect.result.found", report.findings().size()), Messages.get("detect.result.found.body")));
            case "clean" -> results.getChildren().add(banner(Styles.SUCCESS,
                    Messages.get("detect.result.clean"), Messages.get("detect.result.clean.body")));
            default -> { }
        }
        if (!report.complete()) {
            results.getChildren().add(banner(Styles.WARNING, Messages.get("detect.result.incomplete"),
                    Messages.get("detect.result.incomplete.body", String.join("; ", report.sourcesFailed()))));
        }
        List<String> servers = report.findings().stream().flatMap(f -> f.managementServers().stream()).distinct().toList();
        if (!servers.isEmpty()) { // the server may push the product back: say so before anything is removed
            results.getChildren().add(ResultBanners.of(Styles.WARNING, "managed-by",
                    Messages.get("detect.result.managed", String.join(", ", servers)), Messages.get("detect.result.managed.body")));
        }
        report.findings().forEach(f -> results.getChildren().add(new FindingCard(f, dialogs)));
    }

    private static Node banner(String style, String title, String body) {
        return ResultBanners.of(style, "scan-result", title, body);
    }

    private Button exportButton(String key, String id, String extension) {
        Button button = new Button(Messages.get(key));
        button.setId(id);
        button.setOnAction(e -> Optional.ofNullable(state.scanReportProperty().get())
                .ifPresent(report -> FindingsFile.save(button, report, context.catalog().source(), extension, dialogs)));
        return button;
    }
}
