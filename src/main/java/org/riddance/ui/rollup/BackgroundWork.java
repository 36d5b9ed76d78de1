package org.riddance.ui.rollup;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The roll-up screen's one piece of work at a time (reading a folder, signing, printing), off the FX thread. It is
 * its own, not the wizard session's: a roll-up may be made while a PC's session waits. Busy lasts until the worker
 * thread ends, so a Stop is not followed by a second read racing the first.
 */
final class BackgroundWork {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Task<?>> running = new ReadOnlyObjectWrapper<>();

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Task<?>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Starts {@code task} unless work is running already; false then. */
    boolean start(Task<?> task, String name) {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        running.set(task);
        Thread worker = new Thread(() -> {
            try {
                task.run();
            } finally {
                Platform.runLater(() -> {
                    running.set(null);
                    busy.set(false);
                });
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    void cancel() {
        Task<?> task = running.get();
        if (task != null) {
            task.cancel();
        }
    }
}
