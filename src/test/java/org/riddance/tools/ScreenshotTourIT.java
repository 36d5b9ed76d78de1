package org.riddance.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.riddance.platform.OsFamily;

/**
 * The screenshot tour in {@code mvn verify} (issue 16): {@code src/tools/screenshots.sh} walks the real wizard through
 * the whole demo, light and dark, at 1366x768 and 900x600, on its own Xvfb under openbox, and fails when a screen
 * cannot be reached, two screens are identical, or a label is cut short. The PNGs land in target/screenshots.
 */
class ScreenshotTourIT {

    private static final Path OUT = Path.of("target/screenshots").toAbsolutePath();
    /** 4 tours of 14 screens; a guard against a hung tour, not a timing assertion. */
    private static final long GUARD_MINUTES = 15;

    @Test
    void everyScreenIsReachedDistinctAndUnclippedInBothThemesAndSizes() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "the tour runs the Linux demo sandbox (dpkg)");
        assumeTrue(onPath("Xvfb"), "the screenshot tour needs Xvfb for its own display (apt-get install xvfb)");
        assumeTrue(onPath("openbox"), "the screenshot tour needs openbox: without a window manager the window's real"
                + " opening size is never seen (apt-get install openbox)");
        assumeTrue(onPath("dpkg-deb"), "the demo sandbox is built with dpkg-deb");

        ProcessBuilder tour = new ProcessBuilder("bash", "src/tools/screenshots.sh", OUT.toString())
                .redirectErrorStream(true).redirectOutput(OUT.resolveSibling("screenshot-tour.log").toFile());
        tour.environment().remove("DISPLAY"); // always its own virtual display, never the developer's desktop
        tour.environment().put("RIDDANCE_TOUR_CLASSPATH",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        Files.createDirectories(OUT);
        Process process = tour.start();
        boolean ended = process.waitFor(GUARD_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String log = Files.readString(OUT.resolveSibling("screenshot-tour.log"), StandardCharsets.UTF_8);

        assertThat(ended).as("the tour ended; its output:\n" + log).isTrue();
        assertThat(process.exitValue()).as("the tour's verdict; its output:\n" + log).isZero();
        assertThat(pngs()).as("14 screens x 2 themes x 2 sizes").hasSize(56);
    }

    private static List<Path> pngs() throws IOException {
        try (Stream<Path> files = Files.list(OUT)) {
            return files.filter(f -> f.toString().endsWith(".png")).toList();
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
