package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInPackage;
import org.riddance.platform.Command;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.work.Cancellation;
import picocli.CommandLine;

/**
 * {@code run --unattended} for real on sandboxes of stand-in packages: the real dpkg purges, the archive is read back,
 * openssl checks the receipt's signature; killed with SIGKILL mid-removal it carries on and signs once; owed a
 * restart it registers a systemd unit that {@code systemd-analyze verify} accepts, and that unit's command finishes.
 */
class UnattendedRunTest {

    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path work;
    private Path root;
    private Path data;
    private Path keystore;
    private Path passphraseFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void sandboxAndKey() throws Exception {
        root = Files.createDirectories(work.resolve("root"));
        data = work.resolve("data");
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        TechnicianKeystore.create(work.resolve("keys"), PASSPHRASE.toCharArray(), "José Müller", Clock.systemUTC());
        keystore = work.resolve("keys").resolve(TechnicianKeystore.KEYSTORE);
        passphraseFile = Files.writeString(work.resolve("passphrase.txt"), PASSPHRASE + "\n");
    }

    private List<String> runArgs() {
        return List.of("--data-dir", data.toString(), "--root", root.toString(), "--json", "run", "--unattended",
                "--backup-to", work.resolve("stick").toString(), "--receipt-to", work.resolve("receipts").toString(),
                "--technician", "José Müller", "--technician-id", "T-017", "--site", "Zürich Praxis Ångström",
                "--ticket", "INC-4711", "--notes", "Empfang, Größe Ω: PC unter dem Tresen",
                "--key", keystore.toString(), "--passphrase-file", passphraseFile.toString(), "--no-eicar",
                "--timeout", "60");
    }

    private int run(List<String> args) {
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args.toArray(String[]::new));
    }

    @Test
    void removesBacksUpAndSignsAReceiptOpensslVerifies() throws Exception {
        Files.createDirectories(work.resolve("stick"));

        int exit = run(runArgs());

        // the sandbox has no antivirus: a receipt is signed, and it is not PASS
        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FOUND_OR_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(out.toString().strip().lines()).as("one JSON object on stdout").hasSize(1);
        assertThat(json.get("status").asText()).isEqualTo("not-pass");
        assertThat(json.get("summary").asText()).startsWith("FAIL R-").contains(" sha256 ");
        assertThat(err.toString()).contains("Backing up", "Removing", "Checking the replacement antivirus");

        assertThat(status("kesl")).isEqualTo("not-installed");
        assertThat(status("klnagent64")).isEqualTo("not-installed");
        assertThat(status("klavaro")).as("a decoy stays").isEqualTo("installed");

        Path archive;
        try (Stream<Path> files = Files.list(work.resolve("stick"))) {
            archive = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        assertThat(run(List.of("backup", "verify", archive.toString()))).isEqualTo(ExitCode.OK);

        Path receiptJson = Path.of(json.at("/receipt/json").asText());
        String id = json.at("/receipt/id").asText();
        Path copy = work.resolve("receipts").resolve(id + ".receipt.json");
        assertThat(copy).exists();
        assertThat(work.resolve("receipts").resolve(id + ".receipt.pdf")).exists();
        assertThat(work.resolve("receipts").resolve(id + ".pub.pem")).exists();
        ProcessResult openssl = new SystemProcessRunner().run(Command.of("openssl", "pkeyutl", "-verify", "-pubin",
                "-inkey", copy.resolveSibling(id + ".pub.pem").toString(), "-rawin", "-in", copy.toString(),
                "-sigfile", copy.resolveSibling(id + ".receipt.sig").toString()).build());
        assertThat(openssl.stdout() + openssl.stderr()).contains("Signature Verified Successfully");

        String payload = Files.readString(receiptJson, StandardCharsets.UTF_8);
        assertThat(payload).contains("\"name\":\"José Müller\"", "\"id\":\"T-017\"", "\"site\":\"Zürich Praxis Ångström\"",
                "\"ticket\":\"INC-4711\"", "\"notes\":\"Empfang, Größe Ω: PC unter dem Tresen\"",
                "\"outcome\":\"removed\"", "\"result\":\"fail\"");
        assertThat(new ObjectMapper().readTree(payload).at("/backup/sha256").asText()).hasSize(64);
        assertThat(openSessions()).as("the run ends its session").isZero();
    }

    @Test
    void killedDuringRemovalItCarriesOnAndSignsOnce() throws Exception {
        Files.createDirectories(work.resolve("stick"));
        // a stand-in whose prerm hangs while a marker exists: the uninstaller the run is killed in
        Files.createDirectories(root.resolve("tmp"));
        Files.writeString(root.resolve("tmp/hang"), "");
        DemoSandbox.install(root, new SystemProcessRunner(), DemoSandbox.buildDeb(new StandInPackage("kav4fs", "8.0.4-312",
                        "stand-in <s@riddance.invalid>", "Kaspersky Anti-Virus for Linux File Server (stand-in that hangs)",
                        Map.of("opt/kaspersky/kav4fs/bin/kav4fs-control", "stand-in\n"), List.of(),
                        Map.of("prerm", "#!/bin/sh\nwhile [ -f \"$DPKG_ROOT/tmp/hang\" ]; do sleep 0.2; done\n")),
                Files.createDirectories(work.resolve("debs")), new SystemProcessRunner(), Cancellation.none()),
                Cancellation.none());

        Process child = child(runArgs(), "child-1.out");
        try {
            waitFor(() -> journal().contains("\"removal.started\"") && journal().contains("kav4fs"),
                    Duration.ofSeconds(180), child);
            Thread.sleep(500); // inside the hanging prerm now
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, the journal is cut where it stood
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(journal()).doesNotContain("\"receipt.signed\"");
        Files.delete(root.resolve("tmp/hang"));
        // dpkg was killed inside the prerm: the next purge must get past the half-removed state by itself
        int exit = run(runArgs());

        assertThat(exit).as(err.toString() + out).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(err.toString()).contains("Continuing session");
        assertThat(status("kav4fs")).isEqualTo("not-installed");
        assertThat(status("kesl")).isEqualTo("not-installed");
        String journal = journal();
        assertThat(journal.lines().filter(l -> l.contains("\"receipt.signed\"")).count()).isEqualTo(1);
        assertThat(journal.lines().filter(l -> l.contains("\"backup.verified\"")).count())
                .as("the back-up made before the kill still counts").isEqualTo(1);
        try (Stream<Path> receipts = Files.list(data.resolve("receipts"))) {
            assertThat(receipts.count()).isEqualTo(1);
        }
    }

    @Test
    void aRestartOwedMidRunRegistersAVerifiedSystemdUnitThatFinishesTheRun() throws Exception {
        Files.createDirectories(work.resolve("stick"));
        DemoSandbox.install(root, new SystemProcessRunner(), DemoSandbox.buildDeb(new StandInPackage("kesl", "12.1.0-1298",
                        "stand-in <s@riddance.invalid>", "Kaspersky Endpoint Security for Linux (stand-in that needs a restart)",
                        Map.of("opt/kaspersky/kesl/bin/kesl", "stand-in\n"), List.of(),
                        Map.of("postrm", "#!/bin/sh\nmkdir -p \"$DPKG_ROOT/run\"\ntouch \"$DPKG_ROOT/run/reboot-required\"\n")),
                Files.createDirectories(work.resolve("debs")), new SystemProcessRunner(), Cancellation.none()),
                Cancellation.none());
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-before\n");

        Process first = child(runArgs(), "child-1.out");
        assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String firstOut = Files.readString(work.resolve("child-1.out"));
        assertThat(first.exitValue()).as(firstOut).isEqualTo(ExitCode.ERROR);
        assertThat(firstOut).contains("\"status\":\"restart-needed\"");

        Path unit = root.resolve("etc/systemd/system/riddance-resume.service");
        assertThat(unit).exists();
        assertThat(Files.readSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/riddance-resume.service")))
                .isEqualTo(Path.of("/etc/systemd/system/riddance-resume.service"));
        String unitText = Files.readString(unit);
        assertThat(unitText).doesNotContain("José", "Zürich", PASSPHRASE).contains("WantedBy=multi-user.target");
        if (new SystemProcessRunner().run(Command.of("systemd-analyze", "--version").build()).succeeded()) {
            // the unit file as written, checked by systemd itself (its ExecStart is this JVM, which exists here)
            ProcessResult verify = new SystemProcessRunner().run(Command.of("systemd-analyze", "verify", unit.toString()).build());
            assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        }
        List<String> execStart = execStart(unitText);
        assertThat(execStart).containsSubsequence("run", "--unattended", "--receipt-to").contains("--backup-to", "--key",
                "--passphrase-file", "--root", root.toString()).doesNotContain("--technician", "--site");

        // the restart: a new boot id, /run emptied; systemd starts the unit's command with nobody logged on
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-after\n");
        Files.delete(root.resolve("run/reboot-required"));
        Process afterRestart = new ProcessBuilder(execStart).redirectErrorStream(true)
                .redirectOutput(work.resolve("child-2.out").toFile()).start();
        assertThat(afterRestart.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String secondOut = Files.readString(work.resolve("child-2.out"));
        assertThat(afterRestart.exitValue()).as(secondOut).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(secondOut).contains("\"status\":\"not-pass\"");

        assertThat(unit).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/riddance-resume.service")).doesNotExist();
        String journal = journal();
        assertThat(journal).contains("\"removal.resumed\"", "\"receipt.signed\"");
        assertThat(journal).containsPattern("\"removal.outcome\".*\"id\":\"kesl\".*\"outcome\":\"removed\"");
        assertThat(journal.lines().filter(l -> l.contains("\"removal.started\"") && l.contains("\"id\":\"kesl\"")).count())
                .as("the uninstaller ran once").isEqualTo(1);
    }

    /** systemd.service(5) ExecStart: double-quoted words, backslash escapes, %% and $$ for a literal % and $. */
    static List<String> execStart(String unit) {
        String line = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring(10);
        List<String> argv = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (word == null) {
                if (c == '"') {
                    word = new StringBuilder();
                }
            } else if (c == '\\') {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                argv.add(word.toString().replace("%%", "%").replace("$$", "$"));
                word = null;
            } else {
                word.append(c);
            }
        }
        return argv;
    }

    private Process child(List<String> args, String output) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.riddance.app.Launcher"));
        argv.addAll(args);
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(work.resolve(output).toFile()).start();
    }

    private String status(String pkg) throws IOException {
        ProcessResult r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "-W", "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() ? r.stdout().strip() : "not-installed";
    }

    private String journal() throws IOException {
        Path sessions = data.resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> dirs = Files.list(sessions)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("journal.jsonl");
                if (Files.exists(file)) {
                    all.append(Files.readString(file));
                }
            }
        }
        return all.toString();
    }

    private long openSessions() throws IOException {
        try (Stream<Path> dirs = Files.list(data.resolve("sessions"))) {
            return dirs.filter(d -> {
                try {
                    return !Files.readString(d.resolve("journal.jsonl")).contains("\"session.closed\"");
                } catch (IOException e) {
                    return true;
                }
            }).count();
        }
    }

    private void waitFor(IoCondition condition, Duration limit, Process child) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (!child.isAlive()) {
                throw new AssertionError("The child ended (exit " + child.exitValue() + ") too early:\n"
                        + Files.readString(work.resolve("child-1.out")));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + limit + ":\n" + Files.readString(work.resolve("child-1.out")));
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface IoCondition {
        boolean holds() throws IOException;
    }
}
