package org.riddance.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.riddance.platform.Host;
import org.riddance.platform.OfflineWindows;

/** The machine a command works on: this one, the {@code --root} sandbox, or a Windows registry export. */
final class ScanTarget {

    /** The registry export could not be read; the message says which file and why. */
    static final class UnreadableExport extends Exception {
        UnreadableExport(Path export, Exception cause) {
            super("cannot read the registry export " + export + ": " + cause.getMessage(), cause);
        }
    }

    private ScanTarget() {
    }

    static Host host(RiddanceCommand parent, Path registryExport) throws UnreadableExport, IOException {
        Host host = parent.context().host();
        if (registryExport == null) {
            return host;
        }
        try {
            return OfflineWindows.fromExport(registryExport, parent.rootOption());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableExport(registryExport, e);
        } catch (OutOfMemoryError e) {
            throw new UnreadableExport(registryExport, new IOException("not enough memory to hold it (" + e.getMessage()
                    + "); give Java more with -Xmx, or export only HKEY_LOCAL_MACHINE\\SOFTWARE and SYSTEM", e));
        }
    }
}
