package org.riddance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Root or not, from the real user id. On Linux with a desktop, {@code pkexec} asks for the admin password
 * and starts us again; it clears the environment, so the display variables are handed over with {@code env}.
 */
final class PosixPrivileges implements Privileges {

    private final OsFamily family;

    PosixPrivileges(OsFamily family) {
        this.family = family;
    }

    @Override
    public boolean elevated() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    @Override
    public boolean canRelaunchElevated() {
        return family == OsFamily.LINUX && System.getenv("DISPLAY") != null && onPath("pkexec").isPresent()
                && onPath("env").isPresent() && RunningApplication.javaCommand().isPresent();
    }

    @Override
    public void relaunchElevated(List<String> appArguments) throws IOException {
        if (!canRelaunchElevated()) {
            throw new IOException("pkexec or a display is missing; start Riddance with sudo instead");
        }
        List<String> argv = new ArrayList<>(List.of(onPath("pkexec").get().toString(), onPath("env").get().toString()));
        for (String name : List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "HOME")) {
            String value = System.getenv(name);
            if (value != null) {
                argv.add(name + "=" + value);
            }
        }
        argv.addAll(RunningApplication.relaunchArgv(appArguments));
        // pkexec shows its own password dialog; we only start it and let this copy exit
        new ProcessBuilder(argv).inheritIO().start();
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
