package org.riddance.ui.shell;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import impl.org.controlsfx.skin.DecorationPane;
import org.riddance.engine.AppContext;
import org.riddance.engine.Diagnostics;
import org.riddance.engine.Sessions;
import org.riddance.journal.OpenSession;
import org.riddance.session.Step;
import org.riddance.ui.Css;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.verify.VerifyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one wizard window: header, privilege banner, step rail, the current step, and navigation. */
public final class WizardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WizardWindow.class);

    private final AppContext context;
    private final WizardState state;
    private final WizardNavigator navigator;
    private final Sessions sessions;
    private final SessionRecorder recorder;
    private final DialogService dialogs;
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();

    /**
     * @param dialogFactory makes the dialog service for this window's top layer
     * @param steps         makes the steps, which may ask for dialogs and write to the journal
     */
    public WizardWindow(AppContext context, WizardState state, Function<StackPane, DialogService> dialogFactory,
                        Function<StepServices, List<WizardStep>> steps) {
        this.context = context;
        this.state = state;
        this.dialogs = dialogFactory.apply(root);
        this.sessions = new Sessions(context, problem -> Platform.runLater(() ->
                dialogs.inform(Messages.get("resume.broken.title"), problem)));
        this.recorder = new SessionRecorder(sessions,
                error -> Platform.runLater(() -> dialogs.showError(Messages.get("error.journal"), error)));
        this.navigator = new WizardNavigator(steps.apply(new StepServices(dialogs, recorder)), state, recorder);

        VBox top = new VBox(new HeaderBar(state, this::copyDiagnostics,
                () -> dialogs.show(Messages.get("verify.title"), new VerifyView(context.dataDir()))));
        if (context.host().isSandbox()) {
            top.getChildren().add(Banner.sandbox(context.host().files().root()));
        }
        if (!context.host().privileges().elevated()) {
            top.getChildren().add(Banner.privileges(context.host().privileges(), this::relaunchElevated));
        }
        content.getStyleClass().add(Css.STEP_CONTENT);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("step-scroll");
        scroll.setFocusTraversable(false);
        BorderPane frame = new BorderPane(scroll, top, null,
                new NavigationBar(navigator, state, this::cancelPressed), new StepRail(navigator, state));
        frame.getStyleClass().add(Css.WIZARD_ROOT);
        root.getChildren().add(frame);
        root.getStylesheets().add(Css.STYLESHEET);

        state.currentStepProperty().addListener((obs, old, now) -> show(now));
        show(state.currentStep());
    }

    public Parent root() {
        return root;
    }

    public WizardNavigator navigator() {
        return navigator;
    }

    public SessionRecorder recorder() {
        return recorder;
    }

    public void showIn(Stage stage) {
        stage.setTitle(Messages.get("app.name") + " \u2014 " + Messages.get("app.tagline"));
        // ControlsFX puts validation marks in a DecorationPane at the scene root; giving it one from the start
        // saves it swapping the root under a styled scene, which breaks the theme's colour look-ups.
        DecorationPane decorations = new DecorationPane();
        decorations.setRoot(root);
        stage.setScene(new Scene(decorations, 1120, 740));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> recorder.close());
        stage.show();
        navigator.current().entered();
    }

    /** Looks for an unfinished session off the FX thread and offers to continue it. */
    public void offerResume() {
        Task<Optional<OpenSession>> find = new Task<>() {
            @Override
            protected Optional<OpenSession> call() throws IOException {
                return sessions.findOpen(); // a broken journal is reported and set aside there
            }
        };
        find.setOnSucceeded(e -> find.getValue().ifPresent(this::askToResume));
        find.setOnFailed(e -> {
            LOG.error("Could not look for an open session", find.getException());
            dialogs.showError(Messages.get("error.header"), find.getException());
        });
        Thread thread = new Thread(find, "find-open-session");
        thread.setDaemon(true);
        thread.start();
    }

    private void askToResume(OpenSession open) {
        String started = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withZone(java.time.ZoneId.systemDefault()).format(open.started());
        int choice = dialogs.choose(Messages.get("resume.title"),
                Messages.get("resume.body", started, open.info().technicianName(), open.info().site(),
                        Messages.get("step." + open.resumeStep().id() + ".title")),
                List.of(Messages.get("resume.continue"), Messages.get("resume.startNew")));
        if (choice == 0) {
            navigator.resume(open);
        } else if (choice == 1) {
            setAside(open);
        }
    }

    private void setAside(OpenSession open) {
        Thread thread = new Thread(() -> {
            try {
                sessions.setAside(open, Messages.get("resume.setAside"));
            } catch (IOException e) {
                LOG.error("Could not set the old session aside", e);
                Platform.runLater(() -> dialogs.showError(Messages.get("error.journal"), e));
            }
        }, "set-aside-session");
        thread.setDaemon(true);
        thread.start();
    }

    private void show(Step step) {
        content.getChildren().setAll(navigator.step(step).view());
    }

    private void cancelPressed() {
        if (state.isBusy()) {
            if (dialogs.confirm(Messages.get("confirm.stop.title"), Messages.get("confirm.stop.body"))) {
                state.cancelRunningWork();
            }
        } else if (mayClose() && root.getScene() != null) {
            ((Stage) root.getScene().getWindow()).close();
        }
    }

    /** Never while work runs; after the Welcome step, only once the technician confirms. */
    private boolean mayClose() {
        if (state.isBusy()) {
            if (dialogs.confirm(Messages.get("confirm.stop.title"), Messages.get("confirm.stop.body"))) {
                state.cancelRunningWork();
            }
            return false;
        }
        boolean nothingRecorded = state.currentStep() == Step.WELCOME
                && state.stepStates().values().stream().noneMatch(StepState::visited);
        return nothingRecorded || dialogs.confirm(Messages.get("confirm.close.title"), Messages.get("confirm.close.body"));
    }

    private void copyDiagnostics() {
        Task<String> collect = new Task<>() {
            @Override
            protected String call() {
                return Diagnostics.collect(context);
            }
        };
        collect.setOnSucceeded(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(collect.getValue());
            Clipboard.getSystemClipboard().setContent(text);
            dialogs.notify(Messages.get("header.diagnostics.copied"));
        });
        collect.setOnFailed(e -> dialogs.showError(Messages.get("header.diagnostics"), collect.getException()));
        Thread thread = new Thread(collect, "diagnostics");
        thread.setDaemon(true);
        thread.start();
    }

    private void relaunchElevated() {
        List<String> args = List.of("--data-dir", context.dataDir().toString());
        Task<Void> relaunch = new Task<>() {
            @Override
            protected Void call() throws IOException {
                context.host().privileges().relaunchElevated(args);
                return null;
            }
        };
        relaunch.setOnSucceeded(e -> Platform.exit());
        relaunch.setOnFailed(e -> {
            LOG.error("Relaunch with administrator rights failed", relaunch.getException());
            dialogs.showError(Messages.get("privileges.relaunch.failed"), relaunch.getException());
        });
        Thread thread = new Thread(relaunch, "relaunch-elevated");
        thread.setDaemon(true);
        thread.start();
    }
}
