package org.riddance.app;

import org.riddance.engine.AppContext;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.riddance.ui.AppIcons;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
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
        Application.launch(RiddanceApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        AppContext context = pendingContext.join();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LoggerFactory.getLogger(RiddanceApp.class).error("Uncaught error on {}", thread.getName(), error));
        Themes.applyInitial();
        AppIcons.applyTo(stage);
        WizardState state = new WizardState();
        WizardWindow window = new WizardWindow(context, state, FxDialogService::new,
                services -> WizardSteps.standard(context, state, services));
        window.showIn(stage);
        // ready by the time the technician reaches Detect, without competing with the first frames for the CPU
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> context.catalogs().preloadInBackground());
        settle.play();
        if (Boolean.getBoolean("riddance.startupProbe")) {
            reportFirstFrameAndExit();
        } else {
            window.offerResume();
        }
    }

    /** For the start-up benchmark: prints when the first frame of the Welcome step has been drawn. */
    private static void reportFirstFrameAndExit() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the first pulse lays out and draws; the second proves it is on screen
                    stop();
                    System.out.println("riddance-ready");
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}
