package org.riddance.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work the first frame does not show: it runs on the FX thread once the node's scene has been laid out for a frame,
 * while the render thread paints that frame, so the two share the machine's cores instead of queuing one behind
 * the other.
 */
public final class AfterFirstLayout {

    private AfterFirstLayout() {
    }

    public static void run(Node node, Runnable work) {
        if (node.getScene() != null) {
            run(node.getScene(), work);
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    run(scene, work);
                }
            }
        });
    }

    public static void run(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> Platform.runLater(() -> { // after the pulse: its paint has been handed to the renderer
            if (listener[0] != null) { // a second pulse may come before this runs
                scene.removePostLayoutPulseListener(listener[0]);
                listener[0] = null;
                work.run();
            }
        });
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
