package org.riddance.work;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A request to stop long work at the next safe point. Work checks {@link #isCancelled()} between units
 * and calls {@link #throwIfCancelled()} where stopping is safe; process runners listen for it.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            listeners.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Runs {@code listener} on cancel, or at once if already cancelled. */
    public void onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled) {
            listener.run();
        }
    }

    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Cancelled by the technician");
        }
    }
}
