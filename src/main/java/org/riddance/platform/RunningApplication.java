package org.riddance.platform;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How this copy of Riddance was started, so it can be started again (elevated, or after a reboot). */
public final class RunningApplication {

    private RunningApplication() {
    }

    public static Optional<String> javaCommand() {
        return ProcessHandle.current().info().command();
    }

    /** The jar or class folder Riddance runs from. */
    public static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(RunningApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** argv that starts Riddance again the way it runs now, followed by {@code appArguments}. */
    public static List<String> relaunchArgv(List<String> appArguments) {
        List<String> argv = new ArrayList<>();
        argv.add(javaCommand().orElse("java"));
        Path code = codeLocation().orElseThrow(() -> new IllegalStateException("Cannot tell where Riddance runs from"));
        if (code.toString().endsWith(".jar")) {
            argv.add("-jar");
            argv.add(code.toString());
        } else {
            argv.add("-cp");
            argv.add(System.getProperty("java.class.path"));
            argv.add("org.riddance.app.Launcher");
        }
        argv.addAll(appArguments);
        return argv;
    }
}
