package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.backup.BackupPlanner;
import org.riddance.backup.BackupWriter;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInScripts;
import org.riddance.detect.Detector;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine;

/** {@code riddance remove} on the demo sandbox: the backup gate, the dry run, a real removal with JSON output. */
class RemoveCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void sandbox() throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
    }

    /** A complete back-up of the sandbox as it is now, written onto "usb" in the data folder. */
    private Path backUp() throws Exception {
        Host host = Hosts.sandbox(root);
        var catalog = CatalogLoader.builtIn();
        var findings = Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE, Cancellation.none()).findings();
        return new BackupWriter(host, Clock.systemUTC(), "test").write(
                new BackupPlanner(host, catalog).plan(findings, Progress.NONE, Cancellation.none()),
                data.resolve("usb"), "cli-test", Progress.NONE, Cancellation.none()).archive();
    }

    private int run(String... args) {
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = Stream.concat(Stream.of("--data-dir", data.toString(), "--root", root.toString()), Stream.of(args))
                .toArray(String[]::new);
        return cli.execute(all);
    }

    @Test
    void refusesWithoutABackupOrAReasonAndChangesNothing() throws Exception {
        assertThat(run("remove")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("needs a verified backup", "--backup ARCHIVE", "--no-backup --reason TEXT");
        assertThat(run("remove", "--no-backup", "--reason", "  ")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--no-backup needs --reason TEXT");
        assertThat(installed("kesl")).isTrue();
    }

    @Test
    void aDamagedArchiveIsRefused() throws Exception {
        Path fake = Files.writeString(data.resolve("backup.zip"), "not a zip at all");

        assertThat(run("--json", "remove", "--backup", fake.toString())).isEqualTo(ExitCode.ERROR);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("refused");
        assertThat(json.get("message").asText()).contains("not intact", "Make a new backup");
        assertThat(installed("kesl")).isTrue();
    }

    @Test
    void dryRunShowsTheExactCommandsAndChangesNothing() throws Exception {
        assertThat(run("remove", "--dry-run")).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).contains("1. Kaspersky Endpoint Security for Linux [kesl, package]",
                "--purge kesl", "--purge klnagent64", "Dry run: nothing was changed.");
        assertThat(out.toString().indexOf("--purge kesl")).isLessThan(out.toString().indexOf("--purge klnagent64"));
        assertThat(installed("kesl")).isTrue();
        assertThat(data.resolve("sessions")).doesNotExist();
    }

    @Test
    void withAVerifiedBackupEverythingIsPurgedAndTheJournalSaysSo() throws Exception {
        Path archive = backUp();

        int exit = run("--json", "remove", "--backup", archive.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("removed");
        assertThat(json.get("outcomes").get("kesl").asText()).isEqualTo("removed");
        assertThat(json.get("outcomes").get("ksc-network-agent").asText()).isEqualTo("removed");
        assertThat(installed("kesl")).isFalse();
        assertThat(installed("klavaro")).isTrue();
        Path journal = data.resolve("sessions").resolve(json.get("session").asText()).resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"backup.verified\"", archive.getFileName().toString()));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"scan.completed\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"removal.outcome\"", "\"kesl\"", "\"removed\""));
    }

    /** Issue 14: what kesl's uninstaller writes after the back-up is kept, and the command says so (exit 1). */
    @Test
    void whatTheUninstallerWritesAfterTheBackUpIsKeptAndNamed() throws Exception {
        StandInScripts.reinstallKesl(root, data.resolve("debs"), StandInScripts.KESL_POSTRM_WRITES_LOGS);
        Path archive = backUp();

        int exit = run("--json", "remove", "--backup", archive.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FOUND_OR_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("outcomes").get("kesl").asText()).isEqualTo("removed");
        assertThat(json.get("kept").toString()).contains("/var/opt/kaspersky/kesl/common/uninstall.log (not in the back-up)");
        assertThat(root.resolve("var/opt/kaspersky/kesl/common/uninstall.log")).exists();
        assertThat(installed("kesl")).isFalse();
    }

    @Test
    void passwordFileErrorsNameTheLineButNeverTheValue() throws Exception {
        Path file = Files.writeString(data.resolve("pw.txt"), "KLPASSWD=fine\nUNLOCK_PASSWORD=hunter2\n");

        assertThat(run("remove", "--no-backup", "--reason", "test", "--password-file", file.toString())).isEqualTo(ExitCode.ERROR);

        assertThat(err.toString()).contains("line 2", "UNLOCK_PASSWORD").doesNotContain("hunter2", "fine");
        assertThat(installed("kesl")).isTrue();
    }

    private boolean installed(String pkg) throws Exception {
        var r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W",
                "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() && r.stdout().strip().equals("installed");
    }
}
