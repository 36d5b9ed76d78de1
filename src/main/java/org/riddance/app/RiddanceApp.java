package org.riddance.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.riddance.ui.FxDialogService;
import org.riddance.ui.Themes;
import org.riddance.ui.WizardSteps;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardWindow;
import org.slf4j.LoggerFactory;

/** The JavaFX application: theme, wiring of the wizard window, and the resume offer. */
public final class RiddanceApp extends Application {

    /** Set by the launcher before {@link Application#launch}, which cannot pass objects. */
    private static AppContext context;

    static int open(AppContext appContext) {
        context = appContext;
        Application.launch(RiddanceApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LoggerFactory.getLogger(RiddanceApp.class).error("Uncaught error on {}", thread.getName(), error));
        Themes.applyInitial();
        WizardState state = new WizardState();
        WizardWindow window = new WizardWindow(context, state, WizardSteps.standard(state, context.host().os()),
                FxDialogService::new);
        window.showIn(stage);
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
