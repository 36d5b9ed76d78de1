package org.riddance.removal;

import java.time.Duration;

/** What to do when an uninstaller is still running at its step's time limit. */
@FunctionalInterface
public interface HangPolicy {

    enum Choice { WAIT_LONGER, STOP }

    Choice onHung(RemovalItem item, String command, Duration waited);

    /** The command line's rule: stop it at the limit (its option {@code --timeout} sets the limit). */
    static HangPolicy stopAtLimit() {
        return (item, command, waited) -> Choice.STOP;
    }
}
