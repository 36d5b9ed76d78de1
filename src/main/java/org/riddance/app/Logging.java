package org.riddance.app;

import java.nio.file.Path;

/**
 * Points Logback at the data folder. Must run before the first logger is created, which is why the
 * launcher calls it before wiring anything else.
 */
final class Logging {

    static final String LOG_DIR_PROPERTY = "riddance.logDir";

    private Logging() {
    }

    static void logTo(Path logDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        }
    }
}
