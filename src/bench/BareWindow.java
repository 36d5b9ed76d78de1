import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.riddance.ui.FirstFrame;

/**
 * The yardstick for start-up: an empty JavaFX window with one label, reporting its first drawn frame through the
 * same {@link FirstFrame} probe as Riddance's -Driddance.startupProbe=true. Compiled and run by startup.sh.
 */
public final class BareWindow {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            FirstFrame.reportAndExit(stage);
            stage.setScene(new Scene(new Label("bare"), 1120, 740));
            stage.show();
        }
    }
}
