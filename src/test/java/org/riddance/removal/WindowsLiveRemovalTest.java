package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Category;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.WindowsFolders;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;

/**
 * Microsoft's own Windows Installer and Task Scheduler (the Windows CI jobs, as administrator): the stand-in MSI
 * (src/test/resources/wine/standin.wxs, built with WiX in the job) installed with a property holding spaces and
 * quotes, read back from the registry exactly; then removed by the removal executor with a password of spaces and
 * quotes; 1605 for a product that is not there; the start-up task registered and removed.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs a real Windows: runs in the windows-latest and windows-2022 CI jobs")
class WindowsLiveRemovalTest {

    static final String STAND_IN = "{6F1E5C4A-2B3D-4E5F-8A9B-0C1D2E3F4A5B}";
    static final String PROBE_KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\RiddanceStandIn";
    static final String VALUE = "a \"quoted\" value with  spaces";

    @TempDir
    Path data;
    SessionJournal session;
    final Host host = Hosts.live();

    @BeforeEach
    void session() throws IOException {
        session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test Technician", "T-1", "Lab", "TCK-1", ""), host.os(), "test");
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    @Test
    void theStandInMsiTakesAPropertyWithQuotesWholeAndTheExecutorRemovesIt() throws IOException {
        String msi = System.getenv("RIDDANCE_STANDIN_MSI");
        assumeTrue(msi != null && Files.exists(Path.of(msi)), "RIDDANCE_STANDIN_MSI not set: the CI job builds it with WiX");
        Command install = Command.of(WindowsFolders.SYSTEM.live() + "\\msiexec.exe", "/i", msi, "PROBE=" + VALUE,
                "/qn", "/norestart").lineRule(Command.LineRule.MSIEXEC).build();
        ProcessResult installed = host.processes().run(install);
        assertThat(installed.exitCode()).isZero();
        assertThat(host.registry().value(PROBE_KEY, "Probe").orElseThrow().asText()).isEqualTo(VALUE);

        ItemExecutor.Result removed = remove(STAND_IN, Passwords.of(Map.of(Passwords.PASSWORD, VALUE)));

        assertThat(removed.status()).isEqualTo(ItemExecutor.Status.UNINSTALLED);
        assertThat(host.registry().exists(PROBE_KEY)).isFalse();
        assertThat(Files.readString(session.journal().file())).contains("KLPASSWD=*****").doesNotContain("quoted");
    }

    @Test
    void aProductThatIsNotThereIs1605() throws IOException {
        ItemExecutor.Result result = remove("{00000000-1111-4222-8333-444444444444}", Passwords.none());
        assertThat(result.detail()).startsWith("already gone (1605)");
    }

    @Test
    void theStartUpTaskIsRegisteredAndRemoved() throws IOException {
        WindowsStartupTask task = new WindowsStartupTask(host, session.directory());
        task.register(List.of(WindowsFolders.SYSTEM.live() + "\\cmd.exe", "/d", "/c", "exit 0"));
        try {
            assertThat(task.isRegistered()).isTrue();
        } finally {
            task.unregister();
        }
        assertThat(task.isRegistered()).isFalse();
    }

    private ItemExecutor.Result remove(String productCode, Passwords passwords) throws IOException {
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
}
