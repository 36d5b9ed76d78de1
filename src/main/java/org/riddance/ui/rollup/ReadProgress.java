package org.riddance.ui.rollup;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.riddance.ui.Messages;

/** While a folder is read: a bar, "12 of 48 files read", and Stop. Hidden when no read is under way. */
final class ReadProgress extends HBox {

    ReadProgress(ObservableObjectValue<? extends Task<?>> reading, Runnable stop) {
        super(10);
        ProgressBar bar = new ProgressBar();
        bar.setId("rollup-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label count = new Label();
        count.setId("rollup-progress-text");
        Button stopButton = new Button(Messages.get("rollup.stop"), new FontIcon(Material2MZ.STOP));
        stopButton.setId("rollup-stop");
        stopButton.setOnAction(e -> stop.run());
        reading.addListener((obs, was, task) -> {
            bar.progressProperty().unbind();
            count.textProperty().unbind();
            if (task != null) {
                bar.progressProperty().bind(task.progressProperty());
                count.textProperty().bind(Bindings.createStringBinding(() -> task.getTotalWork() > 0
                        ? Messages.get("rollup.progress", (long) task.getWorkDone(), (long) task.getTotalWork())
                        : Messages.get("rollup.progress.looking"), task.workDoneProperty(), task.totalWorkProperty()));
            }
        });
        getChildren().addAll(bar, count, stopButton);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(Bindings.isNotNull(reading));
        managedProperty().bind(visibleProperty());
    }
}
