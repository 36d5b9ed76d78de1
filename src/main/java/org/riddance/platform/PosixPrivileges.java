package org.riddance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                && onPath("env").isPresent() && RunningApplication.codeLocation().isPresent();
    }

    @Override
    public void relaunchElevated(List<String> appArguments) throws IOException {
        if (!canRelaunchElevated()) {
            throw new IOException("pkexec or a display is missing; start Riddance with sudo instead");
        }
        List<String> argv = pkexecArgv(onPath("pkexec").get(), onPath("env").get(), System.getenv(),
                RunningApplication.relaunchArgv(appArguments));
        // pkexec shows its own password dialog; we only start it and let this copy exit
        new ProcessBuilder(argv).inheritIO().start();
    }

    /** pkexec clears the environment, so the few variables a desktop window needs go through {@code env}. */
    static List<String> pkexecArgv(Path pkexec, Path env, Map<String, String> environment, List<String> relaunch) {
        List<String> argv = new ArrayList<>(List.of(pkexec.toString(), env.toString()));
        for (String name : List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "RIDDANCE_DATA_DIR")) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                argv.add(name + "=" + value);
            }
        }
        argv.addAll(relaunch);
        return argv;
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
