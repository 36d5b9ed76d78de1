package org.riddance.ui.replacement;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
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
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.protection.ProductVerdict;
import org.riddance.session.Step;
import org.riddance.ui.CoreTask;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;
import org.riddance.ui.shell.StepState;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Step 5: is the replacement antivirus present, on, current and not itself banned, and does it stop the EICAR
 * test file? The check runs on arrival; the live test runs on request. Each result is journaled for the receipt.
 */
public final class ReplacementStep extends WizardStep {

    private final AppContext context;
    private final WizardState state;
    private final DialogService dialogs;
    private final SessionRecorder recorder;
    private final Supplier<Tools> makeTools;
    private Tools tools; // made on first use: they load the catalog and the known-products list, not needed at start-up
    private final ObjectProperty<AntivirusReport> report = new SimpleObjectProperty<>();
    private final BooleanBinding checked = Bindings.isNotNull(report);
    private final VBox results = new VBox(12);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();

    public ReplacementStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder) {
        this(context, state, dialogs, recorder, () -> new Tools(AntivirusCheck.standard(),
                new AntivirusRules(context.catalog(), AntivirusRules.DEFAULT_MAX_DEFINITIONS_AGE_DAYS),
                new EicarTest(EicarTest.DEFAULT_LIMIT, AntivirusCheck.CLAMD_TIMEOUT)));
    }

    public ReplacementStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder,
                           AntivirusCheck check, AntivirusRules rules, EicarTest eicar) {
        this(context, state, dialogs, recorder, () -> new Tools(check, rules, eicar));
    }

    private ReplacementStep(AppContext context, WizardState state, DialogService dialogs, SessionRecorder recorder,
                            Supplier<Tools> makeTools) {
        super(Step.REPLACEMENT, Material2MZ.SECURITY);
        this.context = context;
        this.state = state;
        this.dialogs = dialogs;
        this.recorder = recorder;
        this.makeTools = makeTools;
    }

    private record Tools(AntivirusCheck check, AntivirusRules rules, EicarTest eicar) {
    }

    /** On the FX thread, before a task uses them. */
    private Tools tools() {
        if (tools == null) {
            tools = makeTools.get();
        }
        return tools;
    }

    /** The last check, with the EICAR outcome once the test ran; for tests and the screenshot tour. */
    public ObjectProperty<AntivirusReport> reportProperty() {
        return report;
    }

    @Override
    public ObservableBooleanValue canContinue() {
        return checked;
    }

    @Override
    public StepState stateWhenLeft() {
        return report.get() != null && report.get().pass() ? StepState.DONE : StepState.ATTENTION;
    }

    @Override
    public void entered() {
        if (report.get() == null && !state.isBusy()) {
            runCheck();
        }
    }

    @Override
    protected Node createView() {
        Button again = new Button(Messages.get("av.checkAgain"), new FontIcon(Material2MZ.REFRESH));
        again.setId("check-av");
        again.disableProperty().bind(state.busyProperty());
        again.setOnAction(e -> runCheck());
        Button test = new Button(Messages.get("av.eicar.run"), new FontIcon(Material2AL.BUG_REPORT));
        test.setId("run-eicar");
        test.getStyleClass().add(Styles.ACCENT);
        test.disableProperty().bind(state.busyProperty().or(Bindings.createBooleanBinding(
                () -> target().isEmpty(), report)));
        test.setOnAction(e -> runEicar());
        progress.setId("av-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.visibleProperty().bind(state.busyProperty());
        progressText.setId("av-progress-text");
        progressText.visibleProperty().bind(state.busyProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        progressText.getStyleClass().add(Css.STEP_INTRO);
        HBox actions = new HBox(12, test, again, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label limit = new Label(Messages.get("av.rules", tools().rules().maxDefinitionsAgeDays(),
                tools().eicar().limit().toSeconds()));
        limit.getStyleClass().add(Css.MACHINE_LINE);
        limit.setWrapText(true);

        report.addListener((obs, old, r) -> show(r));
        show(report.get());
        VBox page = new VBox(14, heading("av.heading"), intro("av.intro"), limit, actions, progressText, results);
        page.setMinWidth(0);
        return page;
    }

    /** The product the live test is aimed at: the one the receipt will name, if the test can reach it. */
    private Optional<ProductVerdict> target() {
        return Optional.ofNullable(report.get()).flatMap(AntivirusReport::primary)
                .filter(v -> v.product().eicarRoute().possible());
    }

    private void runCheck() {
        Tools t = tools();
        CoreTask<AntivirusReport> task = new CoreTask<>((p, c) ->
                recorder.awaitSession().checkReplacement(t.check(), t.rules(), Optional.empty(), p, c));
        start(task, "av.checking");
    }

    private void runEicar() {
        AntivirusReport current = report.get();
        EicarTest eicar = tools().eicar();
        CoreTask<AntivirusReport> task = new CoreTask<>((p, c) -> recorder.awaitSession().eicarTest(current, eicar, p, c));
        start(task, "av.eicar.running");
    }

    private void start(CoreTask<AntivirusReport> task, String workingKey) {
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> report.set(task.getValue()));
        task.setOnCancelled(e -> show(report.get()));
        task.setOnFailed(e -> dialogs.showError(Messages.get("av.failed"), task.getException()));
        Label working = new Label(Messages.get(workingKey));
        working.setId("av-working");
        results.getChildren().setAll(working);
        state.run(task);
    }

    private void show(AntivirusReport r) {
        if (r == null) {
            return;
        }
        results.getChildren().setAll(ResultBanner.of(r));
        // the product the receipt names first, stale entries last
        Optional<ProductVerdict> primary = r.primary();
        primary.ifPresent(v -> results.getChildren().add(new ProductCard(v, r.checkedAt())));
        r.products().stream().filter(v -> primary.map(x -> x != v).orElse(true))
                .sorted(java.util.Comparator.comparing(v -> v.product().stale()))
                .forEach(v -> results.getChildren().add(new ProductCard(v, r.checkedAt())));
    }
}
