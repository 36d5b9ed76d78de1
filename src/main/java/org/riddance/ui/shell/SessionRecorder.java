package org.riddance.ui.shell;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.riddance.detect.ScanReport;
import org.riddance.engine.Remediation;
import org.riddance.engine.Sessions;
import org.riddance.journal.OpenSession;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's hold on its remediation session. The navigation's small records (steps entered and left, changed
 * Welcome facts) are written on one background thread, in order, since each is fsync'd and must never stall the FX
 * thread. A step's long work gets the session with {@link #session()} and calls it from its own worker thread.
 * Failures reach {@code onError} once, already logged.
 */
public final class SessionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final Sessions sessions;
    private final Consumer<Throwable> onError;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "journal-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile Remediation remediation; // set and closed only on the writer thread

    public SessionRecorder(Sessions sessions, Consumer<Throwable> onError) {
        this.sessions = sessions;
        this.onError = onError;
    }

    /** Starts the session on first use; later, records changed details. */
    public void startOrUpdate(SessionInfo info) {
        submit(() -> {
            if (remediation == null) {
                remediation = sessions.start(info);
            } else {
                remediation.updateInfo(info);
            }
        });
    }

    public void resume(OpenSession open) {
        submit(() -> remediation = sessions.resume(open));
    }

    public void entered(Step step) {
        submit(() -> {
            if (remediation != null) {
                remediation.entered(step);
            }
        });
    }

    public void left(Step step, StepState state) {
        submit(() -> {
            if (remediation != null) {
                remediation.left(step, state == StepState.DONE);
            }
        });
    }

    /**
     * The session, once everything submitted before has been written. A step's worker thread calls it and then
     * works on it directly. Fails when no session has started.
     */
    public CompletableFuture<Remediation> session() {
        return CompletableFuture.supplyAsync(() -> {
            if (remediation == null) {
                throw new IllegalStateException("No session has been started yet");
            }
            return remediation;
        }, writer);
    }

    /** For a worker thread: the session now, its failure unwrapped. */
    public Remediation awaitSession() throws IOException {
        try {
            return session().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Scans into the session. Without one (the journal could not be started, which was already reported) a scan is
     * still a look: the technician sees what is there, and the steps that change the PC stay locked.
     */
    public ScanReport scan(Progress progress, Cancellation cancel) throws IOException {
        Remediation session = session().exceptionally(e -> null).join();
        return session != null ? session.scan(progress, cancel) : sessions.scan(progress, cancel);
    }

    /** Ends the session (Finish): it is no longer offered to continue. */
    public CompletableFuture<Void> finish(String outcome) {
        return CompletableFuture.runAsync(() -> {
            try {
                if (remediation != null) {
                    remediation.finish(outcome);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, writer);
    }

    /** Completes when everything submitted so far is on disk. */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, writer);
    }

    /** Closes the journal file; the session itself stays open so the next launch can continue it. */
    @Override
    public void close() {
        if (writer.isShutdown()) {
            return; // closed already: a window can be hidden more than once
        }
        submit(() -> {
            if (remediation != null) {
                remediation.close();
            }
        });
        writer.shutdown();
    }

    private void submit(JournalWrite write) {
        if (writer.isShutdown()) {
            LOG.warn("A journal write came after the window closed; it was not written");
            return;
        }
        writer.execute(() -> {
            try {
                write.run();
            } catch (IOException | RuntimeException e) {
                LOG.error("Journal write failed", e);
                onError.accept(e);
            }
        });
    }

    @FunctionalInterface
    private interface JournalWrite {
        void run() throws IOException;
    }
}
