package org.riddance.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

/**
 * Logback configured in code: a rolling file in the data folder's {@code logs}. Done here rather than in
 * {@code logback.xml} because parsing the XML cost about 250 ms of start-up, a quarter of the budget.
 * A {@code logback-test.xml} or {@code -Dlogback.configurationFile} still wins, for tests and debugging.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String LOG_DIR_PROPERTY = "riddance.logDir";
    private static final String FILE_APPENDER = "file";

    /** Re-points a file log that Logback already set up in another folder; leaves test and debug set-ups alone. */
    static void useFolder(String dir) {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER);
        if (appender instanceof RollingFileAppender<ILoggingEvent> file && !file.getFile().equals(logFile(dir))) {
            context.reset();
            LogSetup setup = new LogSetup();
            setup.setContext(context);
            setup.configure(context);
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
        String dir = System.getProperty(LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir") + "/riddance-logs");

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(logFile(dir));
        file.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/riddance.%d{yyyy-MM-dd}.%i.log");
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
