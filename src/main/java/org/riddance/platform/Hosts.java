package org.riddance.platform;

import java.nio.file.Path;
import java.util.Optional;

/** Builds the live host for this machine and sandbox hosts for tests, demos and offline scans. */
public final class Hosts {

    private Hosts() {
    }

    public static Host live() {
        OsFamily family = OsFamily.current();
        ProcessRunner runner = new SystemProcessRunner();
        SystemRoot root = SystemRoot.live();
        return switch (family) {
            case LINUX -> new Host(OsFactsReader.live(), root, runner, RegistryView.NONE,
                    new SystemdServices(runner, Optional.empty()), privileges(), ProcessTable.procFs(root), SecurityCenter.NONE);
            case MACOS -> new Host(OsFactsReader.live(), root, runner, RegistryView.NONE,
                    ServiceManager.NONE, privileges(), ProcessTable.live(), SecurityCenter.NONE);
            case WINDOWS -> new Host(OsFactsReader.live(), root, runner, new WindowsLiveRegistry(),
                    new WindowsServices(), privileges(), ProcessTable.live(), new WindowsSecurityCenter());
        };
    }

    /** This process's own rights; needs no logging, so it can decide where the log goes. */
    public static Privileges privileges() {
        OsFamily family = OsFamily.current();
        return family == OsFamily.WINDOWS ? new WindowsPrivileges() : new PosixPrivileges(family);
    }

    /**
     * A folder that plays a system root. The real tools still run, pointed at the folder; nothing outside it
     * is read or changed. Privileges are those of this process, because the tools run as it.
     */
    public static Host sandbox(Path rootDir, OsFamily family, RegistryView registry) {
        return sandbox(SystemRoot.sandbox(rootDir), family, registry);
    }

    /**
     * The machine under {@code --root DIR}: a Windows disk when DIR (or DIR/C) holds the Windows hives, read from
     * those hives; otherwise a Linux root, whose facts come from DIR's own files. Whether DIR holds a recognisable
     * system at all is checked by the scan, which never reports an unrecognised root clean.
     */
    public static Host forRoot(Path rootDir) {
        return OfflineWindows.find(rootDir).map(OfflineWindows::host).orElseGet(() -> sandbox(rootDir));
    }

    static Host sandbox(SystemRoot root, OsFamily family, RegistryView registry) {
        ProcessRunner runner = new SystemProcessRunner();
        ServiceManager services = switch (family) {
            case LINUX -> new SystemdServices(runner, Optional.of(root.root()));
            case WINDOWS -> new RegistryServices(registry);
            case MACOS -> ServiceManager.NONE;
        };
        return new Host(OsFactsReader.sandbox(root, family, registry), root, runner, registry, services, privileges(),
                ProcessTable.procFs(root), SecurityCenter.NONE);
    }

    public static Host sandbox(Path rootDir) {
        return sandbox(rootDir, OsFamily.LINUX, RegistryView.NONE);
    }
}
