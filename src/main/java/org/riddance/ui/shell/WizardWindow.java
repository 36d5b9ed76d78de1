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
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
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
import org.riddance.ui.Themes;
import org.riddance.ui.rollup.RollupWindow;
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
    private final Function<StackPane, DialogService> dialogFactory;
    private final RollupWindow rollup = new RollupWindow();
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");
    private static final double COMPACT_BELOW = 1150;
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final ScrollPane scroll;
    private final WindowMemory memory;
    private WindowMemory.Size lastNormalSize;
    private Runnable rebuildInNewLanguage;

    /**
     * @param dialogFactory makes the dialog service for this window's top layer
     * @param steps         makes the steps, which may ask for dialogs and write to the journal
     */
    public WizardWindow(AppContext context, WizardState state, Function<StackPane, DialogService> dialogFactory,
                        Function<StepServices, List<WizardStep>> steps) {
        this.context = context;
        this.state = state;
        this.dialogs = dialogFactory.apply(root);
        this.dialogFactory = dialogFactory;
        this.memory = WindowMemory.in(context.dataDir());
        this.sessions = new Sessions(context, problem -> Platform.runLater(() ->
                dialogs.inform(Messages.get("resume.broken.title"), problem)));
        this.recorder = new SessionRecorder(sessions,
                error -> Platform.runLater(() -> dialogs.showError(Messages.get("error.journal"), error)));
        this.navigator = new WizardNavigator(steps.apply(new StepServices(dialogs, recorder)), state, recorder);

        VBox top = new VBox(new HeaderBar(state, this::copyDiagnostics,
                () -> dialogs.show(Messages.get("verify.title"), new VerifyView(context.dataDir())), this::openRollup,
                this::switchLanguage));
        if (context.host().isSandbox()) {
            top.getChildren().add(Banner.sandbox(context.host().files().root()));
        }
        if (!context.host().privileges().elevated()) {
            top.getChildren().add(Banner.privileges(context.host().privileges(), this::relaunchElevated));
        }
        content.getStyleClass().add(Css.STEP_CONTENT);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("step-scroll");
        scroll.setFocusTraversable(false);
        BorderPane frame = new BorderPane(scroll, top, null,
                new NavigationBar(navigator, state, this::cancelPressed), railIn(new StepRail(navigator, state)));
        frame.getStyleClass().add(Css.WIZARD_ROOT);
        // below about 1150 px the rail gives the step its width back (see .wizard-root:compact in the CSS)
        frame.widthProperty().addListener((obs, was, width) ->
                frame.pseudoClassStateChanged(COMPACT, width.doubleValue() < COMPACT_BELOW));
        root.getChildren().add(frame);
        root.getStylesheets().add(Css.STYLESHEET);

        state.currentStepProperty().addListener((obs, old, now) -> show(now));
        // The button that starts work is disabled by it; JavaFX would hand focus to the next control down the page
        // (the Log) and scroll there. The scroll pane takes the keyboard instead, and the page stays where it is.
        state.busyProperty().addListener((obs, was, busy) -> {
            if (busy && root.getScene() != null && isInContent(root.getScene().getFocusOwner())) {
                double at = scroll.getVvalue();
                scroll.requestFocus();
                scroll.setVvalue(at);
            }
        });
        show(state.currentStep());
    }

    /**
     * The rail scrolls rather than holding the window open: at 900x600 with the sandbox and privilege banners its
     * six steps are taller than the space left, and a minimum height would push the header off the top.
     */
    private static ScrollPane railIn(StepRail rail) {
        ScrollPane pane = new ScrollPane(rail);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.setMinHeight(0);
        pane.setFocusTraversable(false);
        pane.getStyleClass().add("rail-scroll");
        return pane;
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
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowMemory.Size size = memory.openingSize(screen);
        Scene scene = new Scene(decorations, size.width(), size.height());
        LOG.info("Window opens at {} x {} on a screen of {} x {}", size.width(), size.height(), screen.getWidth(), screen.getHeight());
        stage.setScene(scene);
        lastNormalSize = size;
        javafx.beans.value.ChangeListener<Number> track = (obs, was, now) -> {
            if (!stage.isMaximized()) {
                lastNormalSize = new WindowMemory.Size(scene.getWidth(), scene.getHeight());
            }
        };
        scene.widthProperty().addListener(track);
        scene.heightProperty().addListener(track);
        stage.setMaximized(memory.maximised());
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            rememberWindow(stage);
            recorder.close();
        });
        stage.show();
        // GTK opens a window with size hints at its minimum, whatever the scene asks: the minimum comes after
        stage.setMinWidth(WindowMemory.MIN_WIDTH);
        stage.setMinHeight(WindowMemory.MIN_HEIGHT);
        keepOpeningSize(stage, size);
        navigator.current().entered();
    }

    /**
     * GTK under some window managers (openbox, seen on Xvfb) first shrinks a new window to a default and then
     * to its minimum, whatever the scene asked; the opening size is put back once the window has settled.
     */
    private static void keepOpeningSize(Stage stage, WindowMemory.Size size) {
        for (int millis : new int[] {250, 900}) {
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(millis));
            settle.setOnFinished(e -> {
                if (!stage.isMaximized() && (stage.getWidth() < size.width() - 4 || stage.getHeight() < size.height() - 40)) {
                    stage.setWidth(size.width());
                    stage.setHeight(size.height() + (stage.getHeight() - stage.getScene().getHeight()));
                    stage.centerOnScreen();
                }
            });
            settle.play();
        }
    }

    /** The size before maximising is the one worth keeping: it is what un-maximising gives back next time. */
    private void rememberWindow(Stage stage) {
        Scene scene = stage.getScene();
        WindowMemory.Size normal = stage.isMaximized() && lastNormalSize != null ? lastNormalSize
                : new WindowMemory.Size(scene.getWidth(), scene.getHeight());
        memory.remember(normal, stage.isMaximized(), Themes.darkProperty().get(), Messages.locale().getLanguage());
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

    /** Each step opens at its top: the scroll position of the step before means nothing here. */
    private void show(Step step) {
        content.getChildren().setAll(navigator.step(step).view());
        scroll.setVvalue(0);
        focusIntoStep();
        Platform.runLater(() -> {
            scroll.setVvalue(0); // again once the new view has its height
            focusIntoStep();
        });
    }

    /** Stop means stop: the work halts at its next safe point at once, with no question in between. */
    /**
     * When the old step's view leaves the scene its focused field goes with it, and JavaFX hands focus to the
     * header; the keyboard belongs in the new step, on its first control, unless the step chose one itself.
     */
    private void focusIntoStep() {
        if (root.getScene() == null) {
            return;
        }
        if (isInContent(root.getScene().getFocusOwner())) {
            return;
        }
        // while a step's first work runs its controls are disabled: the scroll pane holds the keyboard then, so
        // Enter still means Next and the arrows scroll, and no header button is pressed by accident
        firstFocusable(content).ifPresentOrElse(javafx.scene.Node::requestFocus, scroll::requestFocus);
    }

    private boolean isInContent(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    private static Optional<javafx.scene.Node> firstFocusable(javafx.scene.Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                Optional<javafx.scene.Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private void cancelPressed() {
        if (state.isBusy()) {
            state.cancelRunningWork();
        } else if (mayClose() && root.getScene() != null) {
            ((Stage) root.getScene().getWindow()).close();
        }
    }

    /** Never while work runs; after the Welcome step, only once the technician confirms. */
    private boolean mayClose() {
        if (state.isBusy()) {
            if (dialogs.confirm(Messages.get("confirm.stop.title"), Messages.get("confirm.stop.body"),
                    Messages.get("confirm.stop.do"), Messages.get("confirm.keepWorking"))) {
                state.cancelRunningWork();
            }
            return false;
        }
        boolean nothingRecorded = state.currentStep() == Step.WELCOME
                && state.stepStates().values().stream().noneMatch(StepState::visited);
        return nothingRecorded || dialogs.confirm(Messages.get("confirm.close.title"), Messages.get("confirm.close.body"),
                Messages.get("confirm.close.do"), Messages.get("confirm.keepWorking"));
    }

    /** The office roll-up beside the wizard; it works on a folder of receipts, not on this session. */
    private void openRollup() {
        if (root.getScene() != null) {
            rollup.show(root.getScene().getWindow(), context, state.siteProperty().get().strip(), dialogFactory);
        }
    }

    /** The roll-up window, when one is showing: for tests and the screenshot tour. */
    public Optional<Stage> rollupWindow() {
        return Optional.ofNullable(rollup.stage());
    }

    /** Set by the application: builds the window anew in the language just chosen. */
    public void onLanguageChanged(Runnable rebuild) {
        this.rebuildInNewLanguage = rebuild;
    }

    /**
     * Before anything is recorded the window is rebuilt in the other language at once; later, a half-translated
     * session would confuse, so the choice waits for the next start.
     */
    private void switchLanguage() {
        java.util.Locale now = Messages.locale();
        java.util.Locale other = Messages.LANGUAGES.get((Messages.LANGUAGES.indexOf(now) + 1) % Messages.LANGUAGES.size());
        boolean nothingRecorded = !state.isBusy() && state.currentStep() == Step.WELCOME
                && state.stepStates().values().stream().noneMatch(StepState::visited);
        Stage stage = root.getScene() == null ? null : (Stage) root.getScene().getWindow();
        if (nothingRecorded && rebuildInNewLanguage != null) {
            Messages.setLocale(other);
            if (stage != null) {
                rememberWindow(stage);
            }
            rebuildInNewLanguage.run();
        } else {
            Messages.setLocale(other);
            String language = other.getDisplayLanguage(other);
            if (stage != null) {
                rememberWindow(stage);
            }
            Messages.setLocale(now);
            dialogs.inform(Messages.get("header.language"), Messages.get("header.language.nextStart", language));
        }
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
