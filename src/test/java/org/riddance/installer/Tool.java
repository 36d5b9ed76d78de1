package org.riddance.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one build or install tool (argv, no shell) with a time limit and returns its exit code and output. */
record Tool(int exit, String out) {

    static Tool run(Path dir, Duration limit, Map<String, String> env, List<String> argv) throws IOException, InterruptedException {
        Path output = Files.createTempFile("riddance-tool", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(argv + " did not finish within " + limit);
            }
            return new Tool(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static Tool run(Path dir, Duration limit, String... argv) throws IOException, InterruptedException {
        return run(dir, limit, Map.of(), List.of(argv));
    }

    /** Runs and fails the test, with the tool's output, unless it exits 0. */
    static String ok(Path dir, Duration limit, String... argv) throws IOException, InterruptedException {
        Tool result = run(dir, limit, argv);
        if (result.exit != 0) {
            throw new AssertionError(String.join(" ", argv) + " exited " + result.exit + ":\n" + result.out);
        }
        return result.out;
    }

    /** Whether a program is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
