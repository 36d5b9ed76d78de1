import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: an empty JavaFX window with one label, reporting its first drawn frame the
 * same way Riddance's -Driddance.startupProbe=true does. Compiled and run by startup.sh.
 */
public final class BareWindow {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("bare"), 1120, 740));
            stage.show();
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses == 2) {
                        stop();
                        System.out.println("riddance-ready");
                        System.out.flush();
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}
