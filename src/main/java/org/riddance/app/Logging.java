package org.riddance.app;

import java.nio.file.Path;

/**
 * Points Logback ({@link LogSetup}) at the data folder. Must run before the first logger is created, which is why the
 * launcher calls it before wiring anything else.
 */
final class Logging {

        private Logging() {
    }

    static void logTo(Path logDir) {
        if (System.getProperty(LogSetup.LOG_DIR_PROPERTY) == null) {
            System.setProperty(LogSetup.LOG_DIR_PROPERTY, logDir.toString());
        }
    }
}
