package org.riddance.ui.shell;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.riddance.engine.AppVersion;
import org.riddance.journal.OpenSession;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.OsFacts;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the wizard's journal records on one background thread, in order: each record is fsync'd, which
 * must never stall the FX thread. Failures reach {@code onError} once, already logged.
 */
public final class SessionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final SessionStore store;
    private final OsFacts os;
    private final Consumer<Throwable> onError;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "journal-writer");
        t.setDaemon(true);
        return t;
    });
    private SessionJournal session;   // touched only on the writer thread
    private SessionInfo recordedInfo; // ditto

    public SessionRecorder(SessionStore store, OsFacts os, Consumer<Throwable> onError) {
        this.store = store;
        this.os = os;
        this.onError = onError;
    }

    /** Starts the session on first use; later, records changed details. */
    public void startOrUpdate(SessionInfo info) {
        submit(() -> {
            if (session == null) {
                session = store.start(info, os, AppVersion.version());
            } else if (!Objects.equals(info, recordedInfo)) {
                session.recordDetails(info);
            }
            recordedInfo = info;
        });
    }

    public void resume(OpenSession open) {
        submit(() -> {
            session = store.resume(open);
            recordedInfo = open.info();
        });
    }

    public void setAside(OpenSession open, String why) {
        submit(() -> store.setAside(open, why));
    }

    public void entered(Step step) {
        submit(() -> {
            if (session != null) {
                session.enterStep(step);
            }
        });
    }

    public void left(Step step, StepState state) {
        submit(() -> {
            if (session == null) {
                return;
            }
            if (state == StepState.DONE) {
                session.completeStep(step);
            } else {
                session.record("step.attention", Map.of("step", step.id()));
            }
        });
    }

    /** Any other record, e.g. a scan's summary; dropped when no session has started yet. */
    public void record(String type, Map<String, Object> data) {
        submit(() -> {
            if (session != null) {
                session.record(type, data);
            }
        });
    }

    /** A file in the session folder (findings, logs): it goes into the receipt's evidence bundle. */
    public void saveFile(String name, String content) {
        submit(() -> {
            if (session != null) {
                java.nio.file.Files.writeString(session.directory().resolve(name), content,
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        });
    }

    /**
     * Runs {@code work} with the open session on the journal's own thread, after everything submitted before it,
     * so nothing else is written meanwhile. Fails when no session has started.
     */
    public <T> CompletableFuture<T> withSession(SessionWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            if (session == null) {
                throw new IllegalStateException("No session has been started yet");
            }
            try {
                return work.apply(session);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, writer);
    }

    @FunctionalInterface
    public interface SessionWork<T> {
        T apply(SessionJournal session) throws IOException;
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
            if (session != null) {
                session.close();
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
