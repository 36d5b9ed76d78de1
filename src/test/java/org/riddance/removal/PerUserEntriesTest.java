package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The attack: a standard user writes an uninstall entry under HKCU (or their HKEY_USERS hive) named
 * like Kaspersky Endpoint Security and holding the replacement antivirus's MSI product code. The real scanner
 * finds it and the real planner must not turn it into {@code msiexec /x} run as administrator.
 */
class PerUserEntriesTest {

    /** The replacement antivirus's product code: made up for the test, laid out like any MSI product code. */
    static final String VICTIM = "{3FBE3C6E-8C3A-4B5E-9E7C-2F7B4C1D0A11}";
    static final String KES = "{C9EF800D-54AA-4F60-AB96-5A3966550F53}";
    static final String USER = "HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001";

    @TempDir
    Path root;
    Catalog catalog = CatalogLoader.builtIn();

    @Test
    void aPerUserEntryWithAnotherProductsCodeBecomesManual() throws IOException {
        RemovalItem item = plannedKes(machineEntry(VICTIM, "ESET Endpoint Antivirus", "ESET, spol. s r.o.")
                + userEntry("HKEY_CURRENT_USER", VICTIM));

        assertThat(item.method()).isEqualTo(RemovalMethod.MANUAL);
        assertThat(item.actions()).isEmpty();
        assertThat(item.blocked()).get().asString().contains("per-user", "ESET, spol. s r.o.", "not by the vendor");
    }

    @Test
    void aPerUserEntryWhoseCodeIsNotInstalledForTheMachineBecomesManual() throws IOException {
        RemovalItem item = plannedKes(userEntry(USER, VICTIM));

        assertThat(item.method()).isEqualTo(RemovalMethod.MANUAL);
        assertThat(item.actions()).isEmpty();
        assertThat(item.blocked()).get().asString().contains("per-user", "HKEY_USERS", "not installed for this machine");
    }

    @Test
    void aPerUserEntryOfAProductTheVendorInstalledForTheMachineIsRemoved() throws IOException {
        RemovalItem item = plannedKes(machineEntry(KES, "Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab")
                .replace("\"DisplayName\"=\"Kaspersky Endpoint Security for Windows\"", "\"DisplayName\"=\"KES\"")
                + userEntry("HKEY_CURRENT_USER", KES));

        assertThat(item.method()).isEqualTo(RemovalMethod.MSI);
        assertThat(item.actions()).singleElement().satisfies(a -> assertThat(a.describe()).contains("/x " + KES));
    }

    private RemovalItem plannedKes(String reg) throws IOException {
        InMemoryRegistry registry = RegFileParser.parse(("Windows Registry Editor Version 5.00\r\n\r\n" + reg)
                .getBytes(StandardCharsets.UTF_8), "per-user.reg");
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);
        List<Finding> findings = Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE,
                Cancellation.none()).findings();
        Finding kes = findings.stream().filter(f -> f.productId().equals("kes-windows")).findFirst().orElseThrow();
        return new RemovalPlanner(catalog, host, root.resolve("session")).item(kes, Passwords.none());
    }

    private static String machineEntry(String code, String name, String publisher) {
        return "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\" + code + "]\r\n"
                + "\"DisplayName\"=\"" + name + "\"\r\n\"Publisher\"=\"" + publisher + "\"\r\n"
                + "\"UninstallString\"=\"MsiExec.exe /X" + code + "\"\r\n\r\n";
    }

    /** What a standard user can write with reg.exe in their own hive. */
    private static String userEntry(String hive, String code) {
        return "[" + hive + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\" + code + "]\r\n"
                + "\"DisplayName\"=\"Kaspersky Endpoint Security for Windows\"\r\n\"Publisher\"=\"AO Kaspersky Lab\"\r\n"
                + "\"UninstallString\"=\"MsiExec.exe /X" + code + "\"\r\n\r\n";
    }
}
