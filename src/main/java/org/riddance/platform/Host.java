package org.riddance.platform;

import java.util.Objects;

/**
 * Everything Riddance may touch on a machine. Scanners, executors and checks get a Host and nothing else,
 * so the same code runs against the live machine or a sandbox folder that plays one.
 */
public final class Host {

    private final OsFacts os;
    private final SystemRoot files;
    private final ProcessRunner processes;
    private final RegistryView registry;
    private final ServiceManager services;
    private final Privileges privileges;
    private final ProcessTable running;
    private final SecurityCenter securityCenter;

    public Host(OsFacts os, SystemRoot files, ProcessRunner processes, RegistryView registry,
                ServiceManager services, Privileges privileges, ProcessTable running, SecurityCenter securityCenter) {
        this.os = Objects.requireNonNull(os);
        this.files = Objects.requireNonNull(files);
        this.processes = Objects.requireNonNull(processes);
        this.registry = Objects.requireNonNull(registry);
        this.services = Objects.requireNonNull(services);
        this.privileges = Objects.requireNonNull(privileges);
        this.running = Objects.requireNonNull(running);
        this.securityCenter = Objects.requireNonNull(securityCenter);
    }

    /** A copy with other privileges: for tests and screenshots of the not-elevated case. */
    public Host withPrivileges(Privileges other) {
        return new Host(os, files, processes, registry, services, other, running, securityCenter);
    }

    /** A copy running programs through another runner: tests that script what uninstallers answer. */
    public Host withProcesses(ProcessRunner other) {
        return new Host(os, files, other, registry, services, privileges, running, securityCenter);
    }

    /** A copy reading another registry: an offline {@code .reg} export scanned on this machine. */
    public Host withRegistry(RegistryView other) {
        return new Host(os, files, processes, other, services, privileges, running, securityCenter);
    }

    public OsFacts os() {
        return os;
    }

    public SystemRoot files() {
        return files;
    }

    public ProcessRunner processes() {
        return processes;
    }

    public RegistryView registry() {
        return registry;
    }

    public ServiceManager services() {
        return services;
    }

    public Privileges privileges() {
        return privileges;
    }

    public ProcessTable running() {
        return running;
    }

    public SecurityCenter securityCenter() {
        return securityCenter;
    }

    /** A copy with other Security Center entries: tests of Windows PCs. */
    public Host withSecurityCenter(SecurityCenter other) {
        return new Host(os, files, processes, registry, services, privileges, running, other);
    }

    /** A sandbox root stands in for the machine: tools get {@code --root}/{@code --admindir} and never the real system. */
    public boolean isSandbox() {
        return !files.isLive();
    }
}
