package org.riddance.removal;

import java.io.IOException;
import java.util.Optional;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;

/**
 * Removal changes the machine: uninstallers, services and HKLM need an administrator (root). Checked before
 * anything runs, by the wizard and the command line alike, so a technician gets what to do, not a trail of
 * "access denied" half-way through. A sandbox belongs to whoever runs the tests, so it needs no rights.
 */
public final class RemovalRights {

    private RemovalRights() {
    }

    /** What the technician must do first, or empty when this process may remove. */
    public static Optional<String> missing(Host host) {
        if (host.isSandbox() || host.privileges().elevated()) {
            return Optional.empty();
        }
        return Optional.of(host.os().family() == OsFamily.WINDOWS
                ? "Removal needs administrator rights: close Riddance and start it with \"Run as administrator\" "
                + "(or use Relaunch as administrator); from a console, open it as administrator first."
                : "Removal needs root: run Riddance again with sudo.");
    }

    /** @throws IOException with {@link #missing}'s message when this process may not remove */
    public static void require(Host host) throws IOException {
        Optional<String> missing = missing(host);
        if (missing.isPresent()) {
            throw new NotAdministrator(missing.get());
        }
    }

    public static final class NotAdministrator extends IOException {
        NotAdministrator(String message) {
            super(message);
        }
    }
}
