package org.riddance.engine;

import org.riddance.catalog.CatalogLoader;

/**
 * Work a command needs whatever its other arguments say, started on a second thread while the main thread reads
 * the arguments (picocli builds its model of the command for about a third of a short command's time): Logback's
 * set-up, and the built-in catalog unless the command never reads one. Both are the same whichever folder the
 * arguments name — the log is re-pointed to the data folder when the context is made ({@link Logging}), and the
 * built-in catalog is read once ({@link CatalogLoader#builtIn()}) — so nothing done here is ever wrong, at worst
 * unused. A failure here is left for the main thread to meet and report where it always has.
 */
public final class HeadStart {

    private HeadStart() {
    }

    /** @param catalog whether the command may read the catalog; reading it for one that never does only costs CPU */
    public static void begin(boolean catalog) {
        Thread thread = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getILoggerFactory();
                if (catalog) {
                    CatalogLoader.builtIn();
                }
            } catch (RuntimeException | Error e) {
                // the main thread does the same work again and reports what goes wrong
            }
        }, "head-start");
        thread.setDaemon(true);
        thread.start();
    }
}
