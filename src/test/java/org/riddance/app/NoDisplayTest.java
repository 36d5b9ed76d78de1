package org.riddance.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDisplayTest {

    @Test
    void linuxWithoutDisplayOrWaylandHasNoScreen() {
        assertThat(NoDisplay.check(Map.of(), "Linux", null)).isPresent();
        assertThat(NoDisplay.check(Map.of("DISPLAY", ""), "Linux", null)).isPresent();
        assertThat(NoDisplay.check(Map.of("DISPLAY", ":0"), "Linux", null)).isEmpty();
        assertThat(NoDisplay.check(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isEmpty();
        assertThat(NoDisplay.check(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(NoDisplay.check(Map.of(), "Mac OS X", null)).isEmpty();
        assertThat(NoDisplay.check(Map.of(), "Linux", "Monocle")).isEmpty();
    }

    /** The real launcher in a child JVM with no DISPLAY: a sentence pointing at the command line and exit 2. */
    @Test
    void theLauncherSaysWhatToDoAndExitsTwoInsteadOfCrashing(@TempDir Path data) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        File out = data.resolve("out.txt").toFile();
        builder.redirectOutput(out);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isEqualTo(2);
        assertThat(text).contains("needs a desktop", "riddance scan", "riddance --help").doesNotContain("Exception");
    }
}
