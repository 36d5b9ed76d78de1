package org.riddance.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * A stand-in for a hung uninstaller: ignores SIGTERM, optionally starts a child that does the same, writes
 * its pid to a file, and then waits forever. Started as a separate JVM by the process-runner tests.
 */
public final class StubbornProcess {

    public static void main(String[] args) throws Exception {
        Signal.handle(new Signal("TERM"), sun.misc.SignalHandler.SIG_IGN);
        Path pids = Path.of(args[0]);
        boolean spawnChild = args.length > 1 && args[1].equals("with-child");
        if (spawnChild) {
            List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), StubbornProcess.class.getName(), args[0]));
            new ProcessBuilder(argv).inheritIO().start();
        }
        Files.writeString(pids, ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(600_000);
    }
}
