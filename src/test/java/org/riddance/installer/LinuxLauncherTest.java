package org.riddance.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.OsFamily;

/**
 * The Linux app image's launcher (installer/linux/launcher.c), compiled with the installer's flags and run in an
 * image laid out as jpackage lays it out: bin/Riddance, lib/app/Riddance.cfg in jpackage's format, lib/runtime (this
 * JDK). {@link LauncherProbe} stands in for Riddance and prints what it was started with. The image built by jpackage
 * is run through it in {@code LinuxPackageIT}.
 */
class LinuxLauncherTest {

    private static final Path BASE = Path.of("").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path tmp;
    private Path image;
    private Path launcher;

    @BeforeEach
    void buildAnImage() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "the launcher is Linux's");
        assumeTrue(Tool.onPath("cc"), "no C compiler (apt-get install gcc libc6-dev): it builds the launcher");
        image = tmp.resolve("Riddance");
        launcher = image.resolve("bin/Riddance");
        Files.createDirectories(launcher.getParent());
        Files.createDirectories(image.resolve("lib/app"));
        Files.createSymbolicLink(image.resolve("lib/runtime"), Path.of(System.getProperty("java.home")));
        Tool.ok(BASE, LIMIT, "cc", "@target/installer/args/linux-launcher.args", "-o", launcher.toString());
        // as jpackage 17 writes it (the image's cfg has these sections and keys), pointed at the probe
        writeCfg("""
                [Application]
                app.classpath=%s
                app.mainclass=%s

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-Dprobe.app-dir=$APPDIR
                java-options=-Dprobe.root-dir=$ROOTDIR/x
                """.formatted(BASE.resolve("target/test-classes"), LauncherProbe.class.getName()));
    }

    @AfterEach
    void unlinkTheRuntime() throws Exception { // so that cleaning the temp folder never follows it into the JDK
        if (image != null) {
            Files.deleteIfExists(image.resolve("lib/runtime"));
        }
    }

    @Test
    void passesTheTechniciansArgumentsExactlyAsGiven() throws Exception {
        List<String> args = List.of("scan", "two words", "$APPDIR", "", "--technician=Jürgen Ñandú", "'quoted'", "a;b|c");

        Tool run = run(launcher, args);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("arg="))).containsExactlyElementsOf(
                args.stream().map(arg -> "arg=[" + arg + "]").toList());
        assertThat(run.out()).contains("app-path=" + launcher, "app-dir=" + image.resolve("lib/app"),
                "root-dir=" + image + "/x");
        assertThat(run.out()).contains("java.home=" + Path.of(System.getProperty("java.home")).toRealPath());
    }

    @Test
    void startedThroughASymlinkOnThePathItStillFindsItsImage() throws Exception {
        Path onPath = Files.createDirectories(tmp.resolve("usr/bin")).resolve("riddance");
        Files.createSymbolicLink(onPath, launcher);

        Tool run = run(onPath, List.of("--version"));

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("app-path=" + launcher, "arg=[--version]");
    }

    @Test
    void exitsWithRiddancesOwnExitCode() throws Exception {
        assertThat(run(launcher, List.of("--exit", "1")).exit()).isEqualTo(1);
        assertThat(run(launcher, List.of("--exit", "2")).exit()).isEqualTo(2);
    }

    @Test
    void withoutArgumentsItUsesTheCfgsDefaultArguments() throws Exception {
        Files.writeString(image.resolve("lib/app/Riddance.cfg"), "\n[ArgOptions]\narguments=--demo\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(run(launcher, List.of()).out()).contains("arg=[--demo]");
        assertThat(run(launcher, List.of("scan")).out()).contains("arg=[scan]").doesNotContain("arg=[--demo]");
    }

    @Test
    void aMissingCfgIsNamedAndExitsWithError() throws Exception {
        Files.delete(image.resolve("lib/app/Riddance.cfg"));

        Tool run = run(launcher, List.of("scan"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out().strip()).isEqualTo("riddance: cannot read " + image.resolve("lib/app/Riddance.cfg")
                + ": No such file or directory");
    }

    @Test
    void aCfgWithoutMainClassIsNamedAndExitsWithError() throws Exception {
        writeCfg("[Application]\napp.classpath=$APPDIR/riddance.jar\n");

        Tool run = run(launcher, List.of("scan"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("no app.mainclass or app.mainjar in " + image.resolve("lib/app/Riddance.cfg"));
    }

    @Test
    void aMissingRuntimeIsNamedAndExitsWithError() throws Exception {
        Files.delete(image.resolve("lib/runtime"));

        Tool run = run(launcher, List.of("scan"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("riddance: cannot start the bundled Java runtime "
                + image.resolve("lib/runtime/bin/java") + ": No such file or directory");
    }

    private void writeCfg(String text) throws Exception {
        Files.writeString(image.resolve("lib/app/Riddance.cfg"), text, StandardCharsets.UTF_8);
    }

    private Tool run(Path program, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(args);
        return Tool.run(tmp, LIMIT, Map.of(), argv);
    }
}
