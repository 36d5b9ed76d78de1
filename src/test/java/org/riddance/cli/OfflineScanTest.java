package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.HiveFixtures;
import picocli.CommandLine;

/**
 * {@code scan} of machines that are not running: a Windows disk under {@code --root} (real hive files written by
 * hivex), an empty root, an export with a damaged value, a Russian-locale REGEDIT4 export. None of them may come
 * out clean unless it is.
 */
class OfflineScanTest {

    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void anEmptyRootIsNeverClean(@TempDir Path root) {
        assertThat(run("scan", "--root", root.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("not read: ").contains("holds no operating system Riddance recognises");
        assertThat(out.toString()).doesNotContain("No banned products found.");
    }

    @Test
    void aMountedWindowsVolumeIsReadFromItsHives(@TempDir Path disk) throws Exception {
        HiveFixtures.requireHivex();
        Path config = Files.createDirectories(disk.resolve("Windows/System32/config"));
        HiveFixtures.hive(config.resolve("SOFTWARE"), HiveFixtures.KES_SOFTWARE);
        HiveFixtures.hive(config.resolve("SYSTEM"), HiveFixtures.KES_SYSTEM);

        assertThat(run("scan", "--root", disk.toString())).as(err.toString()).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("Kaspersky Endpoint Security for Windows").contains("OFFLINE-PC");
    }

    @Test
    void aMachineRootWithTheDiskAsCInAnyCaseIsReadToo(@TempDir Path root) throws Exception {
        HiveFixtures.requireHivex();
        Path config = Files.createDirectories(root.resolve("C/WINDOWS/system32/Config"));
        HiveFixtures.hive(config.resolve("software"), HiveFixtures.KES_SOFTWARE);
        HiveFixtures.hive(config.resolve("system"), HiveFixtures.KES_SYSTEM);

        assertThat(run("scan", "--root", root.toString(), "--json")).as(err.toString()).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("\"kes-windows\"").contains("klif");
    }

    @Test
    void aCleanWindowsDiskIsClean(@TempDir Path disk) throws Exception {
        HiveFixtures.requireHivex();
        Path config = Files.createDirectories(disk.resolve("Windows/System32/config"));
        HiveFixtures.hive(config.resolve("SOFTWARE"), HiveFixtures.CLEAN_SOFTWARE);
        HiveFixtures.hive(config.resolve("SYSTEM"), HiveFixtures.CLEAN_SYSTEM);

        assertThat(run("scan", "--root", disk.toString())).as(err.toString() + out).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("No banned products found.");
    }

    @Test
    void aDamagedServiceValueInAHiveIsNamedAndCostsOnlyThatValue(@TempDir Path disk) throws Exception {
        HiveFixtures.requireHivex();
        Path config = Files.createDirectories(disk.resolve("Windows/System32/config"));
        HiveFixtures.hive(config.resolve("SOFTWARE"), HiveFixtures.CLEAN_SOFTWARE);
        HiveFixtures.hive(config.resolve("SYSTEM"), HiveFixtures.CLEAN_SYSTEM + HiveFixtures.DAMAGED_SERVICE);

        assertThat(run("scan", "--root", disk.toString())).as(out.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("hive " + config.resolve("SYSTEM"))
                .contains("key HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Broken, value \"Type\": REG_BINARY");
    }

    @Test
    void aDamagedValueOfAnUnrelatedServiceDoesNotHideKaspersky() throws Exception {
        Path export = data.resolve("pc.reg");
        Files.writeString(export, "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Broken]\r\n"
                + "\"Type\"=hex:0a,00,00,00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\klif]\r\n"
                + "\"Type\"=dword:00000002\r\n\"ImagePath\"=\"system32\\\\DRIVERS\\\\klif.sys\"\r\n", StandardCharsets.UTF_8);

        assertThat(run("scan", "--registry-export", export.toString())).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("klif");
        assertThat(err.toString()).contains(export + ", line 4, key HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet"
                + "\\Services\\Broken, value \"Type\": REG_BINARY data \"0a000000\" where a number is expected");
    }

    @Test
    void aRussianLocaleRegedit4ExportIsReadInItsCodePage() throws Exception {
        Path export = data.resolve("ru.reg");
        Files.write(export, ("REGEDIT4\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}]\r\n"
                + "\"DisplayName\"=\"Kaspersky Endpoint Security 10 для Windows\"\r\n"
                + "\"Publisher\"=\"АО «Лаборатория Касперского»\"\r\n"
                + "\"DisplayVersion\"=\"10.2.2.10535\"\r\n").getBytes(Charset.forName("windows-1251")));

        assertThat(run("scan", "--registry-export", export.toString(), "--json")).isEqualTo(ExitCode.FOUND_OR_FAILED);
        assertThat(out.toString()).contains("Kaspersky Endpoint Security 10 для Windows");
    }

    @Test
    void anExportScanMakesNoFolderForFiles() throws IOException, Exception {
        RiddanceCommand parent = new RiddanceCommand(context -> 0);
        new CommandLine(parent).parseArgs("--data-dir", data.toString());
        var host = ScanTarget.host(parent, Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"));

        assertThat(host.files().root()).doesNotExist();
        assertThat(host.files().root().getFileName().toString()).doesNotStartWith("riddance-offline");
    }

}
