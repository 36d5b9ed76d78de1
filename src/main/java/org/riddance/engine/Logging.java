package org.riddance.engine;

import java.nio.file.Path;

/**
 * Points Logback ({@link LogSetup}) at the data folder. Best run before the first logger is created, which is why the
 * context calls it before wiring anything else; if a logger came first (a static one in a class loaded while the
 * command line was parsed), the file log is moved to the data folder then, so a portable copy still logs to its stick.
 */
final class Logging {

    private Logging() {
    }

    static void logTo(Path logDir) {
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, logDir.toString());
        }
        LogSetup.useFolder(System.getProperty(LogSetup.LOG_DIR_PROPERTY));
    }
}
