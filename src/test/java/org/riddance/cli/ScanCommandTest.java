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
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import picocli.CommandLine;

class ScanCommandTest {

    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** As the launcher runs it: only the named command is built. */
    private int run(String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = data.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        CommandLine cli = RiddanceCommand.commandLine(context -> 0, withData);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(withData);
    }

    @Test
    void bannedProductsInASandboxExitWithOneAndListTheEvidence(@TempDir Path root) throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path csv = data.resolve("findings.csv");

        assertThat(run("scan", "--root", root.toString(), "--json", "--csv", csv.toString())).isEqualTo(ExitCode.FOUND_OR_FAILED);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("banned-found");
        assertThat(json.get("host").get("sandbox").asBoolean()).isTrue();
        assertThat(json.get("catalog").get("sha256").asText()).hasSize(64);
        assertThat(json.get("findings").findValuesAsText("id")).contains("kesl", "ksc-network-agent");
        assertThat(Files.readString(csv)).startsWith("product_id,product,vendor,category").contains("kesl,Kaspersky Endpoint Security for Linux");
    }

    @Test
    void aCleanSandboxExitsWithZero(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));

        assertThat(run("scan", "--root", root.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("No banned products found.");
    }

    @Test
    void aWindowsRegistryExportIsScannedOffline() throws Exception {
        assertThat(run("scan", "--registry-export", "src/test/resources/registry/kaspersky-kes-windows.reg"))
                .isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("Kaspersky Endpoint Security for Windows 11.11.0.452")
                .contains("Kaspersky Security Center Network Agent 14.0.0.10902").contains("upper-filter");
    }

    @Test
    void aDamagedLineOfAnExportIsNamedAndTheScanIsNotClean() throws Exception {
        Path bad = data.resolve("bad.reg");
        Files.writeString(bad, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n\"a\"=hex:0g\r\n");

        assertThat(run("scan", "--registry-export", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("not read: registry: " + bad + ", line 4, key HKEY_LOCAL_MACHINE\\SOFTWARE\\X, "
                + "value \"a\": malformed hex byte");
        assertThat(out.toString()).contains("this is not a clean result");
    }

    @Test
    void aFileThatIsNoExportIsRefused() throws Exception {
        Path bad = data.resolve("notes.reg");
        Files.writeString(bad, "[Settings]\r\nTheme=dark\r\n");

        assertThat(run("scan", "--registry-export", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("cannot read the registry export").contains("line 1: not a registry export");
    }

    /** Issue 14 item 8: a catalog the technician asked for and did not get stops the command; the built-in one is not used silently. */
    @Test
    void anUnsignedExternalCatalogStopsTheCommand(@TempDir Path root) throws Exception {
        Path catalog = data.resolve("catalog.json");
        Files.writeString(catalog, "{}");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));

        assertThat(run("scan", "--catalog", catalog.toString(), "--root", root.toString(), "--json")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("needs its signature beside it").contains("Nothing was done");
        assertThat(out.toString()).as("no scan result is printed").isEmpty();
    }

    @Test
    void aCatalogPastSixteenMegabytesIsRefusedBeforeItIsRead(@TempDir Path root) throws Exception {
        Path catalog = data.resolve("huge.json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(catalog.toFile(), "rw")) {
            file.setLength(17L * 1024 * 1024); // sparse: the size is what is checked, before any byte is read
        }
        Files.write(data.resolve("huge.json.sig"), new byte[64]);

        assertThat(run("scan", "--catalog", catalog.toString(), "--root", root.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("is 17 MB").contains("at most 16 MB");
    }
}
