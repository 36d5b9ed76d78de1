package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A stand-in rpm (a real package name and file layout, contents that say they are a stand-in) built with the real
 * rpmbuild and installed with the real {@code rpm --root} into a sandbox's own database, laid out as on RHEL.
 */
public final class StandInRpm {

    private static final SystemProcessRunner RUNNER = new SystemProcessRunner();

    private StandInRpm() {
    }

    /** Skips the test, saying why, where rpm or rpmbuild are missing or an install into a sandbox needs root. */
    public static void assumeTools() {
        assumeTrue(onPath("rpmbuild") && onPath("rpm"), "rpm and rpmbuild are not installed (apt-get install rpm)");
        assumeTrue("root".equals(System.getProperty("user.name")), "rpm --root needs root to install into a sandbox");
    }

    /** An empty rpm database under {@code root}/var/lib/rpm. */
    public static void initDb(Path root) throws IOException {
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "--initdb");
    }

    /**
     * Builds the package and installs it into {@code root} (no dependencies, no scripts).
     *
     * @param files  system path (without the leading /) → contents
     * @param config the paths of {@code files} marked {@code %config(noreplace)}, as vendors mark their settings
     */
    public static void install(Path root, Path work, String name, String version, String summary,
                               Map<String, String> files, Set<String> config) throws IOException {
        Path top = work.resolve("rpmbuild-" + name);
        Path tree = top.resolve("SOURCES/tree");
        List<String> spec = new ArrayList<>(List.of("Name: " + name, "Version: " + version, "Release: 1",
                "Summary: " + summary, "License: none", "BuildArch: noarch", "",
                "%description", "STAND-IN built by Riddance's tests; not the real product. Real name and layout only.",
                "", "%install", "cp -a " + tree + "/. %{buildroot}/", "", "%files"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(tree.resolve(file.getKey()).getParent());
            Files.writeString(tree.resolve(file.getKey()), file.getValue());
            spec.add((config.contains(file.getKey()) ? "%config(noreplace) /" : "/") + file.getKey());
        }
        Path specFile = Files.createDirectories(top.resolve("SPECS")).resolve(name + ".spec");
        Files.writeString(specFile, String.join("\n", spec) + "\n");
        run("rpmbuild", "--define", "_topdir " + top, "-bb", specFile.toString());
        Path rpm;
        try (Stream<Path> found = Files.walk(top.resolve("RPMS"))) {
            rpm = found.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
        run("rpm", "--root=" + root, "--dbpath=/var/lib/rpm", "-i", "--nodeps", "--noscripts", "--nosignature",
                rpm.toString());
    }

    private static void run(String... argv) throws IOException {
        ProcessResult result = RUNNER.run(Command.of(List.of(argv)).timeout(Duration.ofMinutes(2)).build());
        assertThat(result.succeeded()).as("%s: %s", String.join(" ", argv), result.stderr()).isTrue();
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
