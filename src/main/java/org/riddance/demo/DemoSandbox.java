package org.riddance.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riddance.platform.Command;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ProcessRunner;
import org.riddance.work.Cancellation;

/**
 * A folder that plays a Debian PC with Kaspersky Endpoint Security for Linux and Network Agent installed,
 * decoy packages whose names only look alike, and folders an earlier uninstall left behind. Everything is
 * installed with the real {@code dpkg --root}, so the whole flow can be tried without touching this machine.
 */
public final class DemoSandbox {

    /** The demo PC's name unless another is asked for. */
    public static final String HOSTNAME = "demo-pc";


    private static final String STAND_IN_MAINTAINER = "Riddance stand-in packages <stand-in@riddance.invalid>";

    /** Answers the one call the Back up step makes, {@code --export-settings --file F}, as the real tool would. */
    private static final String KESL_CONTROL = """
            #!/bin/sh
            # STAND-IN for kesl-control, built by Riddance for tests and the demo: answers --export-settings only.
            if [ "$1" = "--export-settings" ] && [ "$2" = "--file" ] && [ -n "$3" ]; then
              printf '[ScanSettings]\\nUseKSN=No\\n; stand-in export of the KESL settings\\n' > "$3"
              exit 0
            fi
            echo "kesl-control (stand-in): only --export-settings --file FILE is supported" >&2
            exit 64
            """;

    private DemoSandbox() {
    }

    /** Kaspersky's Linux packages as they are named and laid out for real (reference: kes-for-linux 12, KSC 14). */
    public static List<StandInPackage> kasperskyPackages() {
        return List.of(
                new StandInPackage("kesl", "12.1.0-1297", STAND_IN_MAINTAINER,
                        "Kaspersky Endpoint Security for Linux (stand-in)",
                        Map.of(
                                "opt/kaspersky/kesl/bin/kesl", "stand-in for the KESL service binary\n",
                                "opt/kaspersky/kesl/bin/kesl-setup.pl", "stand-in for the KESL setup script\n",
                                "usr/bin/kesl-control", KESL_CONTROL,
                                "lib/systemd/system/kesl.service", unit("Kaspersky Endpoint Security for Linux (stand-in)",
                                        "/opt/kaspersky/kesl/bin/kesl"),
                                "etc/opt/kaspersky/kesl/kesl.conf", "# stand-in configuration\nUseFanotify=yes\n",
                                "var/opt/kaspersky/kesl/common/kesl.ini", "[General]\n; stand-in settings\n"),
                        List.of("/etc/opt/kaspersky/kesl/kesl.conf"), Map.of()),
                new StandInPackage("klnagent64", "14.2.0-35148", STAND_IN_MAINTAINER,
                        "Kaspersky Security Center Network Agent (stand-in)",
                        Map.of(
                                "opt/kaspersky/klnagent64/bin/klnagchk", "stand-in for klnagchk\n",
                                "opt/kaspersky/klnagent64/lib/bin/setup/postinstall.pl", "stand-in for the agent set-up\n",
                                // the installer's answers, as deployment scripts leave them: names the server it reports to
                                "opt/kaspersky/klnagent64/lib/bin/setup/autoanswers.conf",
                                "KLNAGENT_SERVER=ksc01.example.com\nKLNAGENT_PORT=14000\nKLNAGENT_USESSL=y\n",
                                "lib/systemd/system/klnagent64.service", unit("Kaspersky Network Agent (stand-in)",
                                        "/opt/kaspersky/klnagent64/sbin/klnagent"),
                                "var/opt/kaspersky/klnagent/1103/1.0/klnagent.conf", "; stand-in agent settings\n"),
                        List.of(), Map.of()));
    }

    /** Packages a careless matcher would flag: names starting with "kl" or "ka", a vendor called "Kasperle". */
    public static List<StandInPackage> decoys() {
        return List.of(
                new StandInPackage("klavaro", "3.13-3", STAND_IN_MAINTAINER, "touch typing tutor (decoy stand-in)",
                        Map.of("usr/bin/klavaro", "decoy\n"), List.of(), Map.of()),
                new StandInPackage("kasumi", "2.5-10", STAND_IN_MAINTAINER, "dictionary management tool (decoy stand-in)",
                        Map.of("usr/bin/kasumi", "decoy\n"), List.of(), Map.of()),
                new StandInPackage("kasperle-games", "2.0-1", "Kasperle Software GmbH <info@kasperle.invalid>",
                        "Kasperle puppet-theatre games for children (decoy stand-in)",
                        Map.of("usr/games/kasperle", "decoy\n"), List.of(), Map.of()));
    }

    /**
     * Builds the sandbox under {@code root}: the dpkg database, the packages installed, leftovers of an
     * uninstalled Anti-Virus for Linux File Server and a 32-bit agent folder without its package.
     */
    public static void build(Path root, ProcessRunner runner, Cancellation cancellation) throws IOException {
        build(root, HOSTNAME, runner, cancellation);
    }

    /** The same, for a PC named {@code hostname}: several sandboxes stand for several PCs in a roll-up or a fleet. */
    public static void build(Path root, String hostname, ProcessRunner runner, Cancellation cancellation)
            throws IOException {
        if (!validHostname(hostname)) {
            throw new IllegalArgumentException("Not a host name: " + hostname
                    + " (letters, digits and hyphens, at most 63, not starting or ending with a hyphen)");
        }
        Path admin = root.resolve("var/lib/dpkg");
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.createDirectories(admin.resolve("triggers"));
        touch(admin.resolve("status"));
        touch(admin.resolve("available"));
        write(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm) - Riddance demo sandbox\"\n"
                + "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n");
        write(root.resolve("etc/hostname"), hostname + "\n");
        Path debs = root.resolve("var/cache/riddance-stand-ins");
        Files.createDirectories(debs);
        List<StandInPackage> all = new ArrayList<>(kasperskyPackages());
        all.addAll(decoys());
        for (StandInPackage pkg : all) {
            cancellation.throwIfCancelled();
            install(root, runner, buildDeb(pkg, debs, runner, cancellation), cancellation);
        }
        write(root.resolve("var/log/kaspersky/kesl/kesl.log"), "2026-11-20 09:00:01 stand-in KESL log: scan finished\n");
        write(root.resolve("var/opt/kaspersky/kesl/common/agreements.ini"), "[EULA]\n; stand-in\nAccepted=yes\n");
        write(root.resolve("var/log/kaspersky/kav4fs/kav4fs.log"), "stand-in log left by an uninstalled kav4fs\n");
        write(root.resolve("var/opt/kaspersky/kav4fs/db/bases.stt"), "stand-in anti-virus bases stamp\n");
        write(root.resolve("opt/kaspersky/klnagent/bin/klnagent"), "stand-in 32-bit agent left without its package\n");
    }

    /** Where {@code --demo} keeps its sandbox: inside the data folder, never the system root. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("demo-sandbox");
    }

    /** Builds a fresh sandbox in {@code dir}, replacing the one a previous demo left; returns the folder. */
    public static Path rebuild(Path dir, ProcessRunner runner) throws IOException {
        return rebuild(dir, HOSTNAME, runner);
    }

    public static Path rebuild(Path dir, String hostname, ProcessRunner runner) throws IOException {
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        build(dir, hostname, runner, Cancellation.none());
        return dir;
    }

    /** An RFC 1123 label, as a PC's name is: what a sandbox's etc/hostname may say. */
    public static boolean validHostname(String name) {
        return name != null && name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    }

    public static Path buildDeb(StandInPackage pkg, Path outDir, ProcessRunner runner, Cancellation cancellation)
            throws IOException {
        Path tree = Files.createTempDirectory(outDir, pkg.name() + "-tree");
        write(tree.resolve("DEBIAN/control"), pkg.control());
        if (!pkg.conffiles().isEmpty()) {
            write(tree.resolve("DEBIAN/conffiles"), String.join("\n", pkg.conffiles()) + "\n");
        }
        for (Map.Entry<String, String> script : pkg.scripts().entrySet()) {
            Path file = tree.resolve("DEBIAN").resolve(script.getKey());
            write(file, script.getValue());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Map.Entry<String, String> file : pkg.files().entrySet()) {
            Path path = tree.resolve(file.getKey());
            write(path, file.getValue());
            if (file.getValue().startsWith("#!")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path deb = outDir.resolve(pkg.name() + "_" + pkg.version() + "_all.deb");
        run(runner, Command.of("dpkg-deb", "--root-owner-group", "-b", tree.toString(), deb.toString()), cancellation);
        deleteTree(tree);
        return deb;
    }

    public static void install(Path root, ProcessRunner runner, Path deb, Cancellation cancellation) throws IOException {
        run(runner, dpkg(root).args("-i", deb.toString()), cancellation);
    }

    /** dpkg aimed at a sandbox root: never this machine's own database, never needs root. */
    public static Command.Builder dpkg(Path root) {
        return Command.of("dpkg", "--root=" + root, "--force-not-root", "--force-script-chrootless",
                "--log=" + root.resolve("var/log/dpkg.log"));
    }

    private static void run(ProcessRunner runner, Command.Builder command, Cancellation cancellation) throws IOException {
        ProcessResult result = runner.run(command.build(), cancellation);
        if (!result.succeeded()) {
            throw new IOException(command.build().describe() + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }

    private static String unit(String description, String exec) {
        return "[Unit]\nDescription=" + description + "\n\n[Service]\nExecStart=" + exec
                + "\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
