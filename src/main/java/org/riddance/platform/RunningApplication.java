package org.riddance.platform;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How this copy of Riddance was started, so it can be started again: elevated, or after a restart. The one place
 * that builds that command line.
 */
public final class RunningApplication {

    private static final String MAIN_CLASS = "org.riddance.app.Launcher";

    private RunningApplication() {
    }

    /** The jar or class folder Riddance runs from. */
    public static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(RunningApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * argv that starts Riddance again the way it runs now, followed by {@code appArguments}: the installed launcher
     * (jpackage names it in {@code jpackage.app-path}) as it is, else this JVM with Riddance's class path. Never the
     * launcher with {@code -jar}: the launcher takes application arguments only.
     */
    public static List<String> relaunchArgv(List<String> appArguments) {
        return relaunchArgv(System.getProperty("jpackage.app-path"), Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), OsFamily.current(), appArguments);
    }

    static List<String> relaunchArgv(String launcher, Path javaHome, String classPath, OsFamily os,
                                     List<String> appArguments) {
        List<String> argv = new ArrayList<>();
        if (launcher != null && !launcher.isBlank()) {
            argv.add(launcher);
        } else {
            argv.add(javaHome.resolve("bin").resolve(os == OsFamily.WINDOWS ? "java.exe" : "java").toString());
            argv.add("-cp");
            argv.add(classPath);
            argv.add(MAIN_CLASS);
        }
        argv.addAll(appArguments);
        return List.copyOf(argv);
    }
}
