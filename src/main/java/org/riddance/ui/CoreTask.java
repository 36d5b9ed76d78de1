package org.riddance.ui;

import javafx.concurrent.Task;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Runs a core method as a JavaFX {@link Task}: the core reports through {@link Progress}, the task turns
 * that into its progress and message properties, and {@link #cancel()} reaches the core as a
 * {@link Cancellation}. The UI only binds to the task.
 */
public final class CoreTask<T> extends Task<T> {

    /** A core method: plain Java, no JavaFX. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress, Cancellation cancellation) throws Exception;
    }

    private final Work<T> work;
    private final Cancellation cancellation = new Cancellation();

    public CoreTask(Work<T> work) {
        this.work = work;
    }

    @Override
    protected T call() throws Exception {
        return work.run((done, total, message) -> {
            if (total > 0) {
                updateProgress(done, total);
            } else {
                updateProgress(-1, -1);
            }
            if (message != null) {
                updateMessage(message);
            }
        }, cancellation);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancellation.cancel(); // ask the core to stop at a safe point; don't interrupt file or journal writes
        return super.cancel(false);
    }
}
