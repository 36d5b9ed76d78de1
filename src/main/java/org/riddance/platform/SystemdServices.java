package org.riddance.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.nio.file.Path;

/**
 * Services as systemd knows them. Unit files and their state are read from the unit folders ({@link UnitFiles}),
 * as {@code systemctl list-unit-files} reads them but without starting it; where systemd is running it is also
 * asked which units run.
 */
final class SystemdServices implements ServiceManager {

    private final ProcessRunner runner;
    private final Optional<Path> sandboxRoot;

    SystemdServices(ProcessRunner runner, Optional<Path> sandboxRoot) {
        this.runner = runner;
        this.sandboxRoot = sandboxRoot;
    }

    @Override
    public List<ServiceInfo> list() throws IOException {
        return list(name -> true);
    }

    @Override
    public List<ServiceInfo> list(Predicate<String> named) throws IOException {
        Map<String, ServiceInfo> services = new LinkedHashMap<>();
        new UnitFiles(sandboxRoot.orElse(Path.of("/"))).services(named).forEach((name, state) ->
                services.put(name, new ServiceInfo(name, name, ServiceInfo.State.UNKNOWN, state, "")));
        if (sandboxRoot.isEmpty() && systemdIsRunning() && PosixPrivileges.onPath("systemctl").isPresent()) {
            for (String line : systemctl("list-units", "--type=service", "--all")) {
                String[] cols = line.trim().split("\\s+", 5);
                if (cols.length >= 4 && cols[0].endsWith(".service")) {
                    String name = cols[0].substring(0, cols[0].length() - ".service".length());
                    if (!named.test(name)) {
                        continue;
                    }
                    ServiceInfo known = services.get(name);
                    ServiceInfo.State state = "running".equals(cols[3]) ? ServiceInfo.State.RUNNING : ServiceInfo.State.STOPPED;
                    services.put(name, new ServiceInfo(name, cols.length == 5 ? cols[4] : name, state,
                            known == null ? "" : known.startMode(), ""));
                }
            }
        }
        return new ArrayList<>(services.values());
    }

    /** systemd's own test (sd_booted): containers and WSL often have unit files but no running systemd. */
    private static boolean systemdIsRunning() {
        return java.nio.file.Files.isDirectory(Path.of("/run/systemd/system"));
    }

    private List<String> systemctl(String... args) throws IOException {
        Command.Builder command = Command.of("systemctl");
        sandboxRoot.ifPresent(root -> command.arg("--root=" + root));
        command.args(args).args("--no-legend", "--no-pager", "--plain");
        ProcessResult result = runner.run(command.build());
        if (result.exited() && result.exitCode() == 1 && result.stdout().isBlank() && result.stderr().isBlank()) {
            return List.of(); // systemctl's way of saying "no units match": a root without any services
        }
        if (!result.succeeded()) {
            throw new IOException("systemctl " + String.join(" ", args) + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        return result.stdout().lines().filter(l -> !l.isBlank()).toList();
    }
}
