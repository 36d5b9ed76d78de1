package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Category;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.platform.WineRunner;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;

/**
 * A real Windows Installer here: Wine's msiexec, a stand-in MSI built by wixl, and the removal executor's own
 * msiexec command (WindowsRecipe) started with its exact command line. Shows: the line is accepted, a property
 * value with spaces and shell characters arrives whole, exit codes come back whole (0, 1605) though Wine's own exit
 * status is modulo 256, the verbose log is written and scrubbed of the password. Does not show how Microsoft's
 * msiexec reads doubled quotes: Wine's drops every quote; the Windows CI job checks that on Windows.
 */
class WineMsiexecTest {

    static final String STAND_IN = "{6F1E5C4A-2B3D-4E5F-8A9B-0C1D2E3F4A5B}";
    static final String UNKNOWN = "{00000000-1111-4222-8333-444444444444}";
    static final String PASSWORD = "pass word & more";
    static final String PROBE_KEY = "HKLM\\Software\\Wow6432Node\\RiddanceStandIn";
    static final String UNINSTALL_KEY = "HKLM\\Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\"
            + STAND_IN;

    static Path prefix;
    static WineRunner wine;
    static Path msi;

    @TempDir
    Path root;
    @TempDir
    Path data;
    SessionJournal session;

    @BeforeAll
    static void onePrefixForTheClass() throws IOException {
        Optional<String> missing = WineRunner.missing("wine", "wixl");
        assumeTrue(missing.isEmpty(), () -> "Wine msiexec tests skipped: " + missing.orElse(""));
        prefix = Files.createTempDirectory("riddance-wine");
        wine = new WineRunner(prefix);
        wine.create();
        msi = prefix.resolve("drive_c/standin.msi");
        ProcessResult built = new SystemProcessRunner().run(Command.of("wixl", "-o", msi.toString(), "standin.wxs")
                .workingDirectory(Path.of("src/test/resources/wine").toAbsolutePath()).build());
        assertThat(built.succeeded()).as("wixl: " + built.stderr()).isTrue();
    }

    @AfterAll
    static void dropThePrefix() throws IOException {
        if (prefix != null) {
            wine.wine(List.of("wineserver", "-k"), Duration.ofSeconds(30));
            try (var walk = Files.walk(prefix)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void session() throws IOException {
        session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test Technician", "T-1", "Lab", "TCK-1", ""), Hosts.sandbox(root).os(), "test");
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    @Test
    void installsWithAPropertyHoldingSpacesThenTheExecutorRemovesItWithThePassword() throws IOException {
        Command install = Command.of("/sandbox/C/Windows/System32/msiexec.exe", "/i", "C:\\standin.msi",
                "PROBE=" + PASSWORD, "/qn").lineRule(Command.LineRule.MSIEXEC).build();
        assertThat(wine.run(install).exitCode()).isZero();
        assertThat(regQuery(PROBE_KEY).stdout()).contains("Probe    REG_SZ    " + PASSWORD + "\r\n");
        assertThat(regQuery(UNINSTALL_KEY).succeeded()).as("its uninstall entry, where a 32-bit MSI's lands").isTrue();

        ItemExecutor.Result result = remove(STAND_IN, Passwords.of(Map.of(Passwords.PASSWORD, PASSWORD)));

        assertThat(result.status()).isEqualTo(ItemExecutor.Status.UNINSTALLED);
        assertThat(result.detail()).isEqualTo("msiexec finished (0)");
        assertThat(regQuery(UNINSTALL_KEY).succeeded()).as("Windows Installer took its entry out").isFalse();
        assertThat(regQuery(PROBE_KEY).succeeded()).isFalse();
        Path log = session.directory().resolve("stand-in-uninstall.log");
        String logText = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertThat(logText).as("msiexec's own verbose log, scrubbed").contains("KLPASSWD").doesNotContain(PASSWORD);
        assertThat(Files.readString(session.journal().file())).contains("KLPASSWD=*****").doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownProductIs1605WholeThroughTheExecutorAnd69AsWinesOwnExitStatus() throws IOException {
        ItemExecutor.Result result = remove(UNKNOWN, Passwords.none());
        assertThat(result.status()).isEqualTo(ItemExecutor.Status.UNINSTALLED);
        assertThat(result.detail()).startsWith("already gone (1605)");

        ProcessResult direct = wine.wine(List.of("wine", "msiexec", "/x", UNKNOWN, "/qn"), Duration.ofMinutes(2));
        assertThat(direct.exitCode()).as("1605 modulo 256").isEqualTo(1605 % 256).isEqualTo(69);
    }

    private ItemExecutor.Result remove(String productCode, Passwords passwords) throws IOException {
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, new InMemoryRegistry()).withProcesses(wine);
        Command msiexec = WindowsRecipe.command("stand-in", productCode, host, session.directory(),
                List.of(Passwords.PASSWORD), passwords);
        RemovalItem item = new RemovalItem("stand-in", "Riddance Stand-in", Category.PRODUCT, RemovalMethod.MSI, 1,
                List.of(new Action.Run(msiexec, Action.Purpose.MSI_UNINSTALL)), List.of(Passwords.PASSWORD), "",
                Optional.empty());
        ItemExecutor executor = new ItemExecutor(host, RemovalLog.of(session), RemovalOptions.defaults(),
                HangPolicy.stopAtLimit(), PasswordPrompt.NONE, RemovalListener.NONE, session.directory(),
                DeletionGuard.of(List.of())); // msiexec only: nothing of Riddance's own deleting
        return executor.run(item, passwords, p -> item, Cancellation.none());
    }

    private static ProcessResult regQuery(String key) throws IOException {
        return wine.wine(List.of("wine", "reg", "query", key), Duration.ofMinutes(1));
    }
}
