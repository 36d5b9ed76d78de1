package org.riddance.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;

/**
 * Logback configured in code: {@code riddance.log} in the data folder's {@code logs}, lines laid out by
 * {@link LogLine}. Done here rather than in {@code logback.xml} because parsing the XML cost about 250 ms of
 * start-up, a quarter of the budget.
 * A {@code logback-test.xml} or {@code -Dlogback.configurationFile} still wins, for tests and debugging.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String LOG_DIR_PROPERTY = "riddance.logDir";
    private static final String FILE_APPENDER = "file";
    /** Size at which a log is set aside, and how many set-aside logs are kept: 50 MB at most. */
    static final long FULL = 5L * 1024 * 1024;
    static final int KEPT = 9;

    /** Re-points a file log that Logback already set up in another folder; leaves test and debug set-ups alone. */
    static void useFolder(String dir) {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER);
        if (appender instanceof LogFile file && !file.file().equals(Path.of(logFile(dir)))) {
            context.reset();
            writeTo(context, dir);
        }
    }

    private static String logFile(String dir) {
        return dir + "/riddance.log";
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        writeTo(context, System.getProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir") + "/riddance-logs"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root logger writes INFO and above to {@code riddance.log} in this folder, set aside first when it is full. */
    static void writeTo(LoggerContext context, String dir) {
        setAsideWhenFull(Path.of(logFile(dir)));
        LogFile file = new LogFile(Path.of(logFile(dir)));
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }

    /**
     * Keeps the log to {@link #FULL} bytes per file and {@link #KEPT} older files: a full {@code riddance.log} becomes
     * {@code riddance.1.log} and the older ones move up one, the oldest dropped. Checked when a run opens the log,
     * not while it writes, so one run's story is never cut in two; Logback's time-and-size rolling policy did this
     * while writing but cost about 75 ms of every command's start-up. Best effort: a log that cannot be set aside
     * (read-only stick) is appended to.
     */
    static void setAsideWhenFull(Path log) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) < FULL) {
                return;
            }
            Files.deleteIfExists(older(log, KEPT));
            for (int n = KEPT - 1; n >= 1; n--) {
                if (Files.exists(older(log, n))) {
                    Files.move(older(log, n), older(log, n + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(log, older(log, 1), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Could not set the full log " + log + " aside (" + e.getMessage() + "); appending to it.");
        }
    }

    static Path older(Path log, int n) {
        return log.resolveSibling("riddance." + n + ".log");
    }
}
