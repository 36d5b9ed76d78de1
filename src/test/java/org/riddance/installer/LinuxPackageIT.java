package org.riddance.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.demo.DemoSandbox;
import org.riddance.journal.PortableImage;
import org.riddance.platform.OsFamily;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;

/**
 * The Linux installers end to end, on target/riddance.jar: the jlinked runtime and app image are made from the
 * same argument files as {@code mvn -Pinstaller package} (target/installer/args, filtered from installer/),
 * the .deb is installed on this machine with dpkg, run through its launcher, removed, and checked gone; the
 * portable image is run from a stand-in USB stick.
 *
 * <p>The steps mirror the installer profile in pom.xml (stage the jar, jlink, jpackage app-image, our own launcher
 * in place of jpackage's, jpackage deb); the arguments themselves are only in the argument files.
 */
class LinuxPackageIT {

    private static final Path BASE = Path.of("").toAbsolutePath();
    private static final Path WORK = BASE.resolve("target/installer");
    private static final Path ARGS = WORK.resolve("args");
    private static final Path JDK_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Path IMAGE = WORK.resolve("image/Riddance");
    private static final Path INSTALLED = Path.of("/opt/riddance");
    private static final Path DESKTOP_ENTRY = Path.of("/usr/share/applications/riddance.desktop");
    private static final Path ICON_THEME = Path.of("/usr/share/icons/hicolor");
    private static final int[] THEME_ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Duration BUILD = Duration.ofMinutes(5);
    private static final Duration RUN = Duration.ofMinutes(1);

    @BeforeAll
    static void buildTheAppImage() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "the Linux installers are built and tested on Linux only");
        assumeTrue(Files.isExecutable(JDK_BIN.resolve("jpackage")) && Files.isExecutable(JDK_BIN.resolve("jlink")),
                "no jpackage/jlink in " + JDK_BIN + ": run the build on a full JDK 17 (openjdk-17-jdk), not a JRE");
        assertThat(BASE.resolve("target/riddance.jar")).as("the jar mvn package makes").isRegularFile();
        assertThat(ARGS.resolve("jlink.args")).as("argument files filtered by process-resources").isRegularFile();

        deleteTree(WORK.resolve("input"));
        deleteTree(WORK.resolve("runtime"));
        deleteTree(WORK.resolve("image"));
        Files.createDirectories(WORK.resolve("input"));
        Files.copy(BASE.resolve("target/riddance.jar"), WORK.resolve("input/riddance.jar"));
        Files.copy(BASE.resolve("src/main/cds/riddance.classlist"), WORK.resolve("input/riddance.classlist"));
        Files.createDirectories(WORK.resolve("input/icons"));
        for (int size : THEME_ICON_SIZES) {
            String name = "riddance-" + size + ".png";
            Files.copy(BASE.resolve("icons/png").resolve(name), WORK.resolve("input/icons").resolve(name));
        }
        Files.copy(BASE.resolve("icons/riddance.svg"), WORK.resolve("input/icons/riddance.svg"));
        Tool.ok(BASE, BUILD, JDK_BIN.resolve("jlink").toString(), "@target/installer/args/jlink.args",
                "--output", "target/installer/runtime");
        Tool.ok(BASE, BUILD, JDK_BIN.resolve("jpackage").toString(), "@target/installer/args/common.args",
                "@target/installer/args/image.args", "@target/installer/args/linux-image.args", "--type", "app-image");
        assumeTrue(Tool.onPath("cc"), "no C compiler (apt-get install gcc libc6-dev): it builds the image's launcher");
        Tool.ok(BASE, BUILD, "cc", "@target/installer/args/linux-launcher.args", "-o", IMAGE.resolve("bin/Riddance").toString());
        Files.delete(IMAGE.resolve("lib/libapplauncher.so"));
    }

    @Test
    void theRuntimeHasEveryModuleJdepsFindsInTheJar() throws Exception {
        String found = Tool.ok(BASE, BUILD, JDK_BIN.resolve("jdeps").toString(), "--multi-release", "17",
                "--ignore-missing-deps", "--print-module-deps", "target/riddance.jar").strip();
        Set<String> needed = new TreeSet<>(Arrays.asList(found.split(",")));

        String listed = Tool.ok(BASE, RUN, WORK.resolve("runtime/bin/java").toString(), "--list-modules");
        Set<String> linked = new TreeSet<>();
        listed.lines().map(line -> line.split("@")[0].strip()).filter(s -> !s.isEmpty()).forEach(linked::add);

        assertThat(linked).as("modules of the jlinked runtime (installer/jlink.args --add-modules)")
                .containsAll(needed)
                .contains("jdk.crypto.ec", "jdk.charsets"); // found at run time (Ed25519, windows-1252), not by jdeps
    }

    @Test
    void theImageLauncherStartsJavaAndNothingElse(@TempDir Path tmp) throws Exception {
        assumeTrue(Tool.onPath("strace"), "strace is not installed (apt-get install strace): it lists what the launcher runs");
        Path trace = tmp.resolve("execve.txt");
        Tool started = Tool.run(tmp, RUN, cleanEnvironment(tmp), List.of("strace", "-f", "-qq", "-e", "trace=execve",
                "-e", "signal=none", "-o", trace.toString(), IMAGE.resolve("bin/Riddance").toString(), "--version"));

        assertThat(started.exit()).as(started.out()).isZero();
        assertThat(started.out()).startsWith("Riddance ");
        // jpackage's own launcher ran sh -c "rpm -qf ...", "dpkg -S ..." here, twice, on every start
        List<String> programs = Files.readAllLines(trace).stream().filter(line -> line.contains("execve(\""))
                .map(line -> line.substring(line.indexOf("execve(\"") + 8, line.indexOf('"', line.indexOf("execve(\"") + 8)))
                .toList();
        assertThat(programs).containsExactly(IMAGE.resolve("bin/Riddance").toString(),
                IMAGE.resolve("lib/runtime/bin/java").toString());
    }

    @Test
    void thePortableImageKeepsItsDataOnTheStick(@TempDir Path tmp) throws Exception {
        assumeTrue(Tool.onPath("dpkg-deb"), "dpkg-deb is not installed: it builds the stand-in sandbox to scan");
        Path stick = portableCopy(tmp);
        Path sandbox = tmp.resolve("sandbox");
        DemoSandbox.build(sandbox, new SystemProcessRunner(), Cancellation.none());

        Tool scan = Tool.run(tmp, RUN, cleanEnvironment(tmp), List.of(stick.resolve("Riddance/bin/Riddance").toString(),
                "scan", "--root", sandbox.toString(), "--json"));

        assertThat(scan.exit()).as(scan.out()).isEqualTo(1);
        assertThat(findingIds(scan.out())).contains("kesl");
        Path log = stick.resolve("RiddanceData/logs/riddance.log");
        assertThat(log).as("the log is on the stick, beside the image").isRegularFile();
        assertThat(Files.readString(log)).contains("data in " + stick.resolve("RiddanceData"));
    }

    @Test
    void thePortableWizardUnpacksJavaFxOnTheStickNotInTheHomeFolder(@TempDir Path tmp) throws Exception {
        assumeTrue(Tool.onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb xauth): the wizard needs a display");
        Path stick = portableCopy(tmp);
        Map<String, String> env = new HashMap<>(cleanEnvironment(tmp));
        env.put("JAVA_TOOL_OPTIONS", "-Driddance.startupProbe=true"); // prints riddance-ready once drawn, then quits

        Tool wizard = Tool.run(tmp, RUN, env, List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                stick.resolve("Riddance/bin/Riddance").toString()));

        assertThat(wizard.out()).as("the Welcome step was drawn").contains("riddance-ready");
        assertThat(stick.resolve("RiddanceData/cache/openjfx")).as("JavaFX's native libraries, unpacked on the stick")
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("libglass"));
        assertThat(tmp.resolve("home/.openjfx")).doesNotExist();
    }

    /** The app image as the portable zip lays it out on a stick: the image plus the marker in its app folder. */
    private static Path portableCopy(Path tmp) throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Tool.ok(BASE, RUN, "cp", "-a", IMAGE.toString(), stick.toString()); // cp -a: the launchers stay executable
        Files.copy(ARGS.resolve("portable/" + PortableImage.MARKER), stick.resolve("Riddance/lib/app/" + PortableImage.MARKER));
        return stick;
    }

    @Test
    void theDebInstallsRunsAndRemovesCleanly(@TempDir Path tmp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "installing a .deb needs root (.ci/run runs as root)");
        for (String tool : List.of("dpkg", "dpkg-deb", "fakeroot", "xdg-desktop-menu")) {
            assumeTrue(Tool.onPath(tool), tool + " is not installed (apt-get install dpkg fakeroot xdg-utils)");
        }
        String status = Tool.run(BASE, RUN, "dpkg-query", "-W", "-f=${Status}", "riddance").out();
        assumeFalse(status.contains("installed") || status.contains("config-files"),
                "a riddance package is already on this machine (" + status.strip() + "); the test will not replace it");

        Path deb = buildDeb(tmp.resolve("deb"));
        // what the wizard needs besides the bundled runtime: GTK 3 and the X libraries JavaFX's glass and prism load
        String depends = Tool.ok(BASE, RUN, "dpkg-deb", "-f", deb.toString(), "Depends");
        assertThat(depends).contains("libgtk-3-0", "libxtst6", "libgl1");
        assertThat(Files.size(deb)).as("the .deb stays under 70 MB").isLessThan(70L * 1024 * 1024);
        Path sandbox = tmp.resolve("sandbox");
        DemoSandbox.build(sandbox, new SystemProcessRunner(), Cancellation.none());

        List<Path> packaged;
        try {
            Tool.ok(BASE, BUILD, "dpkg", "-i", deb.toString());
            packaged = Tool.ok(BASE, RUN, "dpkg", "-L", "riddance").lines().map(Path::of).toList();
            checkTheInstalledApp(tmp, sandbox);
        } finally {
            Tool.ok(BASE, BUILD, "dpkg", "--purge", "riddance");
        }

        assertThat(Tool.run(BASE, RUN, "dpkg-query", "-W", "-f=${Status}", "riddance").out())
                .doesNotContain("installed").doesNotContain("config-files");
        List<Path> left = new ArrayList<>();
        for (Path p : packaged) {
            if (p.startsWith(INSTALLED) && Files.exists(p)) {
                left.add(p);
            }
        }
        assertThat(left).as("files of the package left after dpkg --purge").isEmpty();
        assertThat(INSTALLED).as("the install folder, including the start-up archive postinst made").doesNotExist();
        assertThat(DESKTOP_ENTRY).as("the menu entry").doesNotExist();
        for (int size : THEME_ICON_SIZES) {
            assertThat(ICON_THEME.resolve(size + "x" + size + "/apps/riddance.png")).doesNotExist();
        }
        assertThat(ICON_THEME.resolve("scalable/apps/riddance.svg")).doesNotExist();
        assertThat(Path.of("/usr/bin/riddance")).as("the riddance command").doesNotExist();
    }

    private static void checkTheInstalledApp(Path tmp, Path sandbox) throws Exception {
        assertThat(Tool.ok(BASE, RUN, INSTALLED.resolve("bin/Riddance").toString(), "--version")).startsWith("Riddance ");
        assertThat(INSTALLED.resolve("lib/libapplauncher.so")).as("jpackage's launcher library, unused by ours").doesNotExist();
        // the command on the PATH, and with -Xshare:on, which fails unless the archive postinst made is usable
        Tool shared = Tool.run(tmp, RUN, Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), List.of("/usr/bin/riddance", "--version"));
        assertThat(shared.exit()).as(shared.out()).isZero();
        assertThat(INSTALLED.resolve("lib/app/riddance.jsa")).as("start-up archive made at install").isRegularFile();

        Tool scan = Tool.run(tmp, RUN, cleanEnvironment(tmp), List.of("/usr/bin/riddance", "--data-dir",
                tmp.resolve("data").toString(), "scan", "--root", sandbox.toString(), "--json"));
        assertThat(scan.exit()).as(scan.out()).isEqualTo(1);
        assertThat(findingIds(scan.out())).contains("kesl", "ksc-network-agent");

        assertThat(DESKTOP_ENTRY).as("menu entry put in place by postinst").isRegularFile();
        List<String> entry = Files.readAllLines(DESKTOP_ENTRY);
        assertThat(entry).contains("Name=Riddance", "Exec=/opt/riddance/bin/Riddance", "Type=Application", "Terminal=false");
        assertThat(entry).anyMatch(line -> line.startsWith("Categories=") && line.contains("Security"));
        assertThat(entry).contains("Icon=riddance");
        for (int size : THEME_ICON_SIZES) {
            Path icon = ICON_THEME.resolve(size + "x" + size + "/apps/riddance.png");
            assertThat(icon).as("the icon theme's %d px icon", size)
                    .hasSameBinaryContentAs(BASE.resolve("icons/png/riddance-" + size + ".png"));
        }
        assertThat(ICON_THEME.resolve("scalable/apps/riddance.svg")).hasSameBinaryContentAs(BASE.resolve("icons/riddance.svg"));
        if (Tool.onPath("desktop-file-validate")) {
            Tool validate = Tool.run(BASE, RUN, "desktop-file-validate", DESKTOP_ENTRY.toString());
            assertThat(validate.exit()).as(validate.out()).isZero();
        }
    }

    /** jpackage --type deb from the app image, with the profile's arguments; only the destination differs. */
    private static Path buildDeb(Path dest) throws Exception {
        Tool.ok(BASE, BUILD, JDK_BIN.resolve("jpackage").toString(), "@target/installer/args/common.args",
                "@target/installer/args/linux-package.args", "@target/installer/args/linux-deb.args", "--type", "deb",
                "--dest", dest.toString());
        try (Stream<Path> files = Files.list(dest)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("jpackage made no .deb in " + dest));
        }
    }

    /** PATH and a throwaway HOME; no RIDDANCE_DATA_DIR that would bypass the data folder under test. */
    private static Map<String, String> cleanEnvironment(Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        return Map.of("HOME", home.toString(), "RIDDANCE_DATA_DIR", "");
    }

    private static List<String> findingIds(String output) throws IOException {
        String json = output.substring(output.indexOf('{'));
        JsonNode tree = new ObjectMapper().readTree(json);
        return tree.get("findings").findValuesAsText("id");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
