package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.platform.Host;
import org.riddance.platform.RegistryView;
import org.riddance.work.Cancellation;

/**
 * Under {@code --root} (or for a registry export) the machine is a folder or a file, and a wrong one scans as
 * empty: an empty folder, a Windows disk mounted one level off, an export of the user's keys only. Each would
 * otherwise be reported clean. This check fails, making the scan incomplete (exit 2), when the sandbox holds no
 * system Riddance recognises.
 */
final class SystemRootCheck implements Scanner {

    private static final List<String> LINUX_MARKERS = List.of(
            "/etc/os-release", "/usr/lib/os-release", "/var/lib/dpkg/status", "/var/lib/rpm");
    private static final List<String> MAC_MARKERS = List.of(
            "/System/Library/CoreServices/SystemVersion.plist", "/Applications", "/Library");

    @Override
    public String name() {
        return "the system under the sandbox root";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.isSandbox();
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        switch (host.os().family()) {
            case WINDOWS -> {
                RegistryView registry = host.registry();
                if (!registry.exists("HKEY_LOCAL_MACHINE\\SOFTWARE") && !registry.exists("HKEY_LOCAL_MACHINE\\SYSTEM")) {
                    throw new IOException("no machine registry was read (neither HKEY_LOCAL_MACHINE\\SOFTWARE nor "
                            + "HKEY_LOCAL_MACHINE\\SYSTEM is there), so the PC's products were not looked at");
                }
            }
            case LINUX -> requireOne(host, LINUX_MARKERS, "Linux (" + String.join(", ", LINUX_MARKERS)
                    + ") or Windows (Windows/System32/config/SOFTWARE and SYSTEM, in the folder or in its C folder)");
            case MACOS -> requireOne(host, MAC_MARKERS, "macOS (" + String.join(", ", MAC_MARKERS) + ")");
        }
        return List.of();
    }

    private static void requireOne(Host host, List<String> markers, String expected) throws IOException {
        for (String marker : markers) {
            if (Files.exists(host.files().resolve(marker))) {
                return;
            }
        }
        throw new IOException(host.files().root() + " holds no operating system Riddance recognises: none of the "
                + "files of " + expected + " is there, so nothing under it was scanned");
    }
}
