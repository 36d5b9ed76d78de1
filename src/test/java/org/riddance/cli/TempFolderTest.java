package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command leaves nothing in the temp folder (issue 18: every {@code scan --registry-export} used to leave an
 * empty {@code riddance-offline*} folder). The command runs in its own JVM with a temp folder of its own, on the
 * production class path (no logback-test.xml), exactly as the launcher starts it.
 */
class TempFolderTest {

    @TempDir
    Path work;

    @Test
    void anOfflineScanOfARegistryExportLeavesTheTempFolderEmpty() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));

        int exit = launch(tmp, "--data-dir", work.resolve("data").toString(), "scan", "--registry-export",
                Path.of("src/test/resources/registry/kaspersky-kes-windows.reg").toAbsolutePath().toString());

        assertThat(exit).isEqualTo(ExitCode.FOUND_OR_FAILED); // it did scan: the export holds Kaspersky's products
        assertThat(contents(tmp)).isEmpty();
    }

    @Test
    void versionAndAScanOfASandboxLeaveTheTempFolderEmpty() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path root = Files.createDirectories(work.resolve("root/var/lib/dpkg"));
        Files.createFile(root.resolve("status"));

        assertThat(launch(tmp, "--version")).isEqualTo(ExitCode.OK);
        assertThat(launch(tmp, "--data-dir", work.resolve("data").toString(), "--root", work.resolve("root").toString(),
                "scan")).isEqualTo(ExitCode.OK);
        assertThat(contents(tmp)).isEmpty();
    }

    private int launch(Path tmp, String... args) throws IOException, InterruptedException {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", classPath, "org.riddance.app.Launcher"));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the command ended").isTrue();
        return process.exitValue();
    }

    private static List<String> contents(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
