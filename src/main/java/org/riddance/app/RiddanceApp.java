package org.riddance.app;

import org.riddance.engine.AppContext;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.riddance.ui.AppIcons;
import org.riddance.ui.FirstFrame;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.WindowMemory;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.slf4j.LoggerFactory;

/** The JavaFX application: theme, wiring of the wizard window, and the resume offer. */
public final class RiddanceApp extends Application {

    /** Set by the launcher before {@link Application#launch}, which cannot pass objects. */
    private static CompletableFuture<AppContext> pendingContext;

    static int open(AppContext appContext) {
        return open(CompletableFuture.completedFuture(appContext));
    }

    /**
     * Starts the JavaFX toolkit while {@code appContext} is still being built on another thread: the two
     * take about the same time, and neither needs the other until the window is made.
     */
    static int open(CompletableFuture<AppContext> appContext) {
        pendingContext = appContext;
        java.util.Optional<String> noDisplay = NoDisplay.check(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            return 2;
        }
        try {
            Application.launch(RiddanceApp.class);
        } catch (UnsupportedOperationException | IllegalStateException e) { // GTK: "Unable to open DISPLAY"
            LoggerFactory.getLogger(RiddanceApp.class).error("The wizard could not open a window", e);
            System.err.println(NoDisplay.message(String.valueOf(e.getMessage())));
            return 2;
        }
        return 0;
    }

    @Override
    public void start(Stage stage) {
        AppContext context = pendingContext.join();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LoggerFactory.getLogger(RiddanceApp.class).error("Uncaught error on {}", thread.getName(), error));
        WindowMemory memory = WindowMemory.in(context.dataDir());
        memory.language().ifPresent(language -> Messages.setLocale(java.util.Locale.forLanguageTag(language)));
        memory.dark().ifPresent(Themes.darkProperty()::set);
        Themes.applyInitial();
        AppIcons.applyTo(stage);
        boolean probe = Boolean.getBoolean("riddance.startupProbe");
        if (probe) {
            FirstFrame.reportAndExit(stage);
        }
        WizardWindow window = openWindow(stage, context, new WizardState());
        // ready by the time the technician reaches Detect, without competing with the first frames for the CPU
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> context.catalogs().preloadInBackground());
        settle.play();
        if (!probe) {
            window.offerResume();
        }
    }

    /** The wizard window; a language switch on the untouched Welcome step builds it again, keeping what was typed. */
    private static WizardWindow openWindow(Stage stage, AppContext context, WizardState state) {
        WizardWindow window = new WizardWindow(context, state, FxDialogService::new,
                services -> WizardSteps.standard(context, state, services));
        window.onLanguageChanged(() -> {
            double width = stage.getWidth();
            double height = stage.getHeight();
            window.recorder().close();
            WizardState fresh = new WizardState();
            fresh.technicianNameProperty().set(state.technicianNameProperty().get());
            fresh.technicianIdProperty().set(state.technicianIdProperty().get());
            fresh.siteProperty().set(state.siteProperty().get());
            fresh.ticketProperty().set(state.ticketProperty().get());
            fresh.notesProperty().set(state.notesProperty().get());
            openWindow(stage, context, fresh);
            if (!stage.isMaximized()) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
        });
        window.showIn(stage);
        return window;
    }
}
