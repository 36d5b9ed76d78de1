package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import picocli.CommandLine;

/** backup, backup verify and restore on the demo sandbox's stand-in packages, installed with real dpkg. */
class BackupCommandsTest {

    @TempDir
    static Path root;
    @TempDir
    Path data;
    @TempDir
    Path stick;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void sandbox() throws IOException {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withData = new String[args.length + 4];
        withData[0] = "--data-dir";
        withData[1] = data.toString();
        withData[2] = "--root";
        withData[3] = root.toString();
        System.arraycopy(args, 0, withData, 4, args.length);
        return cli.execute(withData);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void backsUpTheStandInsVerifiesAndRestores() throws IOException {
        assertThat(run("backup", "--to", stick.toString(), "--json")).isEqualTo(ExitCode.OK);
        JsonNode backup = json();
        assertThat(backup.get("status").asText()).isEqualTo("verified");
        assertThat(backup.get("sha256").asText()).hasSize(64);
        assertThat(backup.get("plan").findValuesAsText("item")).contains("kesl/settings", "kesl/config", "kesl/logs");
        Path archive = Path.of(backup.get("archive").asText());

        assertThat(run("backup", "verify", archive.toString(), "--json")).isEqualTo(ExitCode.OK);
        assertThat(json().get("status").asText()).isEqualTo("intact");
        assertThat(json().get("sha256").asText()).isEqualTo(backup.get("sha256").asText());

        Path restored = stick.resolve("restored");
        assertThat(run("restore", archive.toString(), "--to", restored.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(restored.resolve("kesl/settings/kesl-settings.export")))
                .as("the vendor's own export ran (the stand-in kesl-control)").contains("UseKSN=No");
        assertThat(Files.readString(restored.resolve("kesl/config/kesl.ini")))
                .isEqualTo(Files.readString(root.resolve("var/opt/kaspersky/kesl/common/kesl.ini")));
        assertThat(restored.resolve("kesl/logs/kesl.log")).exists();
    }

    @Test
    void aDamagedArchiveFailsVerification() throws IOException {
        assertThat(run("backup", "--to", stick.toString(), "--json")).isEqualTo(ExitCode.OK);
        Path archive = Path.of(json().get("archive").asText());
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(60);
            int b = file.read();
            file.seek(60);
            file.write(b ^ 0x40);
        }

        assertThat(run("backup", "verify", archive.toString())).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("Problems:");
    }

    @Test
    void aMissingDestinationIsAClearErrorAndWritesNothing() throws IOException {
        Path gone = stick.resolve("unplugged-drive");

        assertThat(run("backup", "--to", gone.toString(), "--json")).isEqualTo(ExitCode.ERROR);

        assertThat(json().get("error").asText()).isEqualTo("no-destination");
        assertThat(json().get("message").asText()).contains("does not exist").contains("Plug the drive in");
        assertThat(gone).doesNotExist();
    }

    @Test
    void aPartialArchiveNoSessionHereWroteIsLeftAloneAndTheBackupGoesOn() throws IOException {
        // only the journal says a back-up of this data folder was cut off (BackupFaultsTest kills one for real); a
        // .partial it does not name may be another run's live file
        Path partial = stick.resolve("riddance-backup-demo-pc-20261123-090000.zip.partial");
        Files.write(partial, new byte[4096]);
        Path unrelated = Files.writeString(stick.resolve("notes.txt"), "keep me");

        assertThat(run("backup", "--to", stick.toString())).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).doesNotContain("interrupted").contains("Verified");
        assertThat(partial).hasSize(4096);
        assertThat(unrelated).hasContent("keep me");
    }

    @Test
    void verifyingAFileThatIsNotThereIsAnError() {
        assertThat(run("backup", "verify", stick.resolve("nope.zip").toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("There is no archive at");
    }
}
