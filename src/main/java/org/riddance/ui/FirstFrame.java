package org.riddance.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * For the start-up benchmark (src/bench/startup.sh) only: prints {@link #READY} once the first frame of the
 * stage's scene has been painted and handed to the window, then exits. An animation timer or a pulse listener
 * runs on the FX thread before that frame is painted (the render thread paints it while the next pulse may
 * already run); the scene's render callback comes after the paint. The bare window the benchmark compares
 * with reports through this same class.
 */
public final class FirstFrame {

    public static final String READY = "riddance-ready";

    private FirstFrame() {
    }

    /** Call before the stage is given its scene: the callback has to be in place before the first paint. */
    public static void reportAndExit(Stage stage) {
        AtomicBoolean reported = new AtomicBoolean();
        stage.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene was, Scene scene) {
                stage.sceneProperty().removeListener(this);
                // internal API, but the only signal JavaFX gives after a frame has been presented
                PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                    // called on the render thread once the frame is painted; the software pipeline (Xvfb, many
                    // virtual machines) hands the pixels to the window from the FX thread right after: this runs
                    // behind that hand-over
                    if (reported.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            System.out.println(READY);
                            System.out.flush();
                            Platform.exit();
                        });
                    }
                });
            }
        });
    }
}
