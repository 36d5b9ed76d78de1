package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-av on sandboxes; the run with a real clamd is in ClamavIntegrationTest. */
class CheckAvCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        picocli.CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void aMachineWithNoAntivirusFailsWithAdvice() throws Exception {
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");

        assertThat(run("check-av", "--root", root.toString())).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("FAIL: no antivirus found", "next: install an antivirus");

        out.getBuffer().setLength(0);
        assertThat(run("check-av", "--root", root.toString(), "--json")).isEqualTo(ExitCode.FOUND_OR_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("advice").get(0).asText()).isEqualTo("install an antivirus");
        assertThat(json.at("/receipt/name").asText()).isEqualTo("none");
        assertThat(json.at("/receipt/pass").asBoolean(true)).isFalse();
    }

    @Test
    void aBannedProductFoundByItsPackageIsReported() throws Exception {
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), """
                Package: kesl
                Status: install ok installed
                Architecture: amd64
                Version: 12.1.0.1297
                Maintainer: stand-in <nobody@example.invalid>
                Description: stand-in package for a Riddance test

                """);

        assertThat(run("check-av", "--root", root.toString())).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("FAIL  Kaspersky Endpoint Security for Linux 12.1.0.1297",
                "next: this product is itself banned: replace it");
    }

    @Test
    void aNegativeAgeIsAnError() {
        assertThat(run("check-av", "--root", root.toString(), "--max-definitions-age", "-1")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--max-definitions-age");
    }
}
