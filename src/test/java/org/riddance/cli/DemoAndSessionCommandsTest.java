package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.Command;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import picocli.CommandLine;

/**
 * {@code --demo} on every command, the command-line session ({@code session start}, facts on any command, a receipt
 * from the command line) and a broken journal reported instead of passed over.
 */
class DemoAndSessionCommandsTest {

    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void demoCommandsNeverReadOrChangeThisMachinesPackages() throws Exception {
        Path liveStatus = Path.of("/var/lib/dpkg/status");
        assumeTrue(Files.isRegularFile(liveStatus), "this machine has no dpkg database to compare");
        String before = sha256(liveStatus);

        assertThat(run("--demo", "scan", "--json")).as(err.toString()).isEqualTo(ExitCode.FOUND_OR_FAILED);
        JsonNode scan = new ObjectMapper().readTree(out.toString());
        assertThat(scan.toString()).contains("kesl").contains("sandbox");
        // --demo after the command name too, as every global option
        assertThat(run("remove", "--demo", "--no-backup", "--reason", "training on the demo", "--json"))
                .as(err.toString() + out).isEqualTo(ExitCode.OK);
        assertThat(run("--demo", "--root", data.toString(), "scan")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--demo works on its own sandbox");

        assertThat(sha256(liveStatus)).as("the machine's own dpkg database").isEqualTo(before);
        Path sandbox = DemoSandbox.folder(data);
        assertThat(dpkgStatus(sandbox, "kesl")).isEqualTo("not-installed");
        assertThat(dpkgStatus(sandbox, "klavaro")).isEqualTo("installed");
    }

    @Test
    void aDemoReceiptSaysDemoAndIsSignedWithTheDemoKey() throws Exception {
        assertThat(run("--demo", "session", "start", "--technician", "Trainee Tom", "--site", "Training room",
                "--ticket", "TRAIN-1")).as(err.toString()).isZero();
        assertThat(run("--demo", "remove", "--no-backup", "--reason", "training on the demo sandbox")).isZero();
        assertThat(run("--demo", "--json", "receipt", "sign", "--notes", "first training run")).as(err.toString())
                .isEqualTo(ExitCode.FOUND_OR_FAILED); // the demo sandbox has no antivirus: signed, not PASS
        JsonNode json = new ObjectMapper().readTree(out.toString());
        Path receipt = Path.of(json.at("/receipt/json").asText());
        String payload = Files.readString(receipt, StandardCharsets.UTF_8);
        assertThat(payload).contains("\"demo\":true", "\"name\":\"Trainee Tom\"", "\"site\":\"Training room\"",
                "\"ticket\":\"TRAIN-1\"", "\"notes\":\"first training run\"");
        assertThat(data.resolve("demo-keys/riddance-signing.p12")).exists();
        assertThat(data.resolve("keys")).as("the technician's key folder is not touched").doesNotExist();
        assertThat(run("--demo", "session", "show")).as("signing ended the session").isEqualTo(ExitCode.ERROR);
    }

    @Test
    void receiptSignNeedsWhoAndForWhom() throws Exception {
        assertThat(run("--demo", "remove", "--no-backup", "--reason", "training on the demo sandbox")).isZero();
        assertThat(run("--demo", "receipt", "sign")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--technician NAME --site NAME");
        assertThat(run("--demo", "session", "start", "--technician", "X", "--site", "Lab")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--technician:");
    }

    @Test
    void aBrokenJournalIsReportedByEveryCommandThatReadsIt() throws Exception {
        assertThat(run("--demo", "session", "start", "--technician", "Ana Silva", "--site", "Acme Dental")).isZero();
        assertThat(run("--demo", "scan")).isEqualTo(ExitCode.FOUND_OR_FAILED); // joins it: more records follow the first
        Path journal;
        try (Stream<Path> sessions = Files.list(data.resolve("sessions"))) {
            journal = sessions.findFirst().orElseThrow().resolve("journal.jsonl");
        }
        String original = Files.readString(journal);
        Files.writeString(journal, original.replace("Acme Dental", "Acme Dentistry"));
        byte[] tampered = Files.readAllBytes(journal);

        assertThat(run("--demo", "--json", "remove", "--resume")).isEqualTo(ExitCode.ERROR);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("message").asText()).contains("changed after it was written", "kept unchanged as evidence",
                journal.getParent().toString());
        assertThat(err.toString()).contains("line 2", "does not follow the record before it");
        assertThat(Files.readAllBytes(journal)).as("the evidence is left as it is").isEqualTo(tampered);

        // reported once, then set aside: the next command starts afresh, and says nothing more about it
        run("--demo", "--json", "check-av");
        assertThat(new ObjectMapper().readTree(out.toString()).has("journalProblems")).isFalse();
        assertThat(journal.resolveSibling("set-aside.txt")).exists();
    }

    @Test
    void aSecondRunOnTheSameDataFolderAndRootIsToldWhoHoldsIt() throws Exception {
        Path target = data.resolve("pc");
        assertThat(run("demo", "create", target.toString())).isZero();
        org.riddance.engine.AppContext context = org.riddance.engine.AppContext.create(java.util.Optional.of(target),
                java.util.Optional.of(data));
        try (org.riddance.engine.Remediation holder = new org.riddance.engine.Sessions(context, p -> { })
                .start(new org.riddance.session.SessionInfo("Ana Silva", "", "Acme", "", ""))) {
            assertThat(run("--root", target.toString(), "remove", "--no-backup", "--reason", "second run"))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err.toString()).contains("Another Riddance is already working on this machine");
            assertThat(dpkgStatus(target, "kesl")).as("the second run changed nothing").isEqualTo("installed");
        }
        assertThat(run("--root", target.toString(), "remove", "--no-backup", "--reason", "now it is free"))
                .as(err.toString()).isZero();
    }

    @Test
    void demoCreateBuildsASandboxOnlyInAnEmptyFolder() throws Exception {
        Path target = data.resolve("training-pc");
        assertThat(run("demo", "create", target.toString())).as(err.toString()).isZero();
        assertThat(dpkgStatus(target, "kesl")).isEqualTo("installed");
        assertThat(run("demo", "create", target.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("not an empty folder");
        assertThat(run("--root", target.toString(), "scan")).isEqualTo(ExitCode.FOUND_OR_FAILED);
    }

    @Test
    void eachDemoSandboxCanStandForAPcOfItsOwnName() throws Exception {
        Path reception = data.resolve("reception");
        assertThat(run("demo", "create", "--hostname", "PC-Empfang-01", reception.toString())).as(err.toString()).isZero();
        assertThat(reception.resolve("etc/hostname")).hasContent("PC-Empfang-01");

        Path bad = data.resolve("bad");
        assertThat(run("demo", "create", "--hostname", "../evil host", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("is not a PC name");
        assertThat(bad).doesNotExist();
    }

    private static String dpkgStatus(Path root, String pkg) throws Exception {
        ProcessResult r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "-W", "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() ? r.stdout().strip() : "not-installed";
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
