package org.riddance.engine;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends each event as a {@link LogLine} to {@code riddance.log}, opened on the first event and flushed after each,
 * so a crash loses nothing written before it. Logback's own {@code FileAppender} does the same but its start-up
 * spins method handles for its status messages (about 20 ms of every command); this has nothing to set up.
 * A log that cannot be written (read-only stick, full disk) is reported once on stderr and then left alone: the
 * log is a help, never a reason for the work to fail.
 */
final class LogFile extends AppenderBase<ILoggingEvent> {

    private final Path file;
    private final LogLine layout = new LogLine();
    private OutputStream out;
    private boolean broken;

    LogFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (broken) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = new FileOutputStream(file.toFile(), true);
            }
            out.write(layout.doLayout(event).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            broken = true;
            System.err.println("The log " + file + " cannot be written (" + e.getMessage() + "); going on without it.");
        }
    }

    @Override
    public void stop() {
        super.stop();
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // nothing more can be logged about the log itself
        }
    }
}
