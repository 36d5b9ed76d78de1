package org.riddance.cli;

import java.io.PrintWriter;
import org.riddance.backup.Sizes;
import org.riddance.work.Progress;

/** Byte progress on the terminal, at most a few times a second, and only when a person is watching. */
final class ConsoleProgress implements Progress {

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private long lastPrint;

    ConsoleProgress(PrintWriter err, String label, boolean quiet) {
        this.err = err;
        this.label = label;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public void update(long done, long total, String message) {
        long now = System.nanoTime();
        if (!enabled || now - lastPrint < 250_000_000L) {
            return;
        }
        lastPrint = now;
        String percent = total > 0 ? (done * 100 / total) + "% " : "";
        err.print("\r" + label + " " + percent + Sizes.human(done) + (total > 0 ? " of " + Sizes.human(total) : "")
                + "          ");
        err.flush();
    }

    void end() {
        if (enabled && lastPrint != 0) {
            err.println();
        }
    }
}
