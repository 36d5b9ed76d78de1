package org.riddance.removal;

import org.riddance.journal.entry.JournalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.journal.JournalRecord;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The backup gate, the restart registrations on each OS, and the macOS recipe on a stand-in Mac disk. */
class RemovalPiecesTest {

    @Test
    void theGateOpensOnlyOnAVerifiedBackupOrAWaiverWithAReason() {
        assertThat(BackupGate.check(List.of()).open()).isFalse();
        assertThat(BackupGate.check(List.of()).why()).contains("no verified backup");
        assertThat(BackupGate.check(List.of(record("backup.verified", Map.of("archive", "/usb/b.zip", "sha256", "ab12",
                "bytes", 10)))).open()).isTrue();
        assertThat(BackupGate.check(List.of(record("backup.verified", Map.of("archive", "/usb/b.zip")))).open()).isFalse();
        assertThat(BackupGate.check(List.of(record("backup.waived", Map.of("reason", "customer declined")))).why())
                .contains("customer declined");
        assertThat(BackupGate.check(List.of(record("backup.waived", Map.of("reason", "   ")))).open()).isFalse();
        assertThat(BackupGate.check(List.of(record("scan.completed", Map.of()))).open()).isFalse();
    }

    @Test
    void linuxRegistersAnXdgAutostartEntryUnderTheRootAndTakesItAway(@TempDir Path root) throws IOException {
        RestartRegistration registration = new RestartRegistration(Hosts.sandbox(root));
        List<String> argv = List.of("/opt/riddance/bin/java", "-cp", "/opt/My Apps/riddance.jar", "X", "--reason", "50% \"done\" $HOME");

        registration.register(argv);

        Path file = root.resolve("etc/xdg/autostart/org.riddance.resume.desktop");
        assertThat(registration.isRegistered()).isTrue();
        assertThat(Files.readString(file)).contains("[Desktop Entry]", "Type=Application", "NoDisplay=true");
        assertThat(RestartResumeTest.execLine(Files.readString(file))).isEqualTo(argv);
        registration.unregister();
        assertThat(file).doesNotExist();
    }

    @Test
    void macOsRegistersALaunchAgentWithTheArgvAsAnArray(@TempDir Path root) throws IOException {
        RestartRegistration registration = new RestartRegistration(Hosts.sandbox(root, OsFamily.MACOS, RegistryView.NONE));

        registration.register(List.of("/Applications/Riddance.app/Contents/MacOS/Riddance", "a<b&c"));

        String plist = Files.readString(root.resolve("Library/LaunchAgents/org.riddance.resume.plist"));
        assertThat(plist).contains("<string>org.riddance.resume</string>", "<key>RunAtLoad</key>",
                "<string>/Applications/Riddance.app/Contents/MacOS/Riddance</string>", "<string>a&lt;b&amp;c</string>");
        registration.unregister();
        assertThat(registration.isRegistered()).isFalse();
    }

    @Test
    void windowsRegistersARunOnceValueQuotedForCommandLineToArgv(@TempDir Path root) throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry();
        RestartRegistration registration = new RestartRegistration(Hosts.sandbox(root, OsFamily.WINDOWS, registry));

        registration.register(List.of("C:\\Program Files\\Riddance\\Riddance.exe", "--resume"));

        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE).orElseThrow().asText())
                .isEqualTo("\"C:\\Program Files\\Riddance\\Riddance.exe\" --resume");
        registration.unregister();
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE)).isEmpty();
    }

    @Test
    void macUninstallScriptFromItsExpectedPlaceThenPkgutilForgetAndTheLaunchdItemDeleted(@TempDir Path root) throws Exception {
        write(root, "var/db/receipts/com.kaspersky.kav.core.plist", "<plist><dict><key>PackageVersion</key><string>11.3</string></dict></plist>");
        write(root, "Applications/Kaspersky Endpoint Security for Mac.app/Contents/Info.plist",
                "<plist><dict><key>CFBundleIdentifier</key><string>com.kaspersky.kav.gui</string></dict></plist>");
        write(root, "Library/LaunchDaemons/com.kaspersky.kav.plist", "<plist/>");
        write(root, "Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript", "stand-in\n");
        RecordingRunner runner = new RecordingRunner();
        Host host = Hosts.sandbox(root, OsFamily.MACOS, RegistryView.NONE).withProcesses(runner);
        List<Finding> findings = Detector.standard(Clock.systemUTC()).scan(host, CatalogLoader.builtIn(), Progress.NONE,
                Cancellation.none()).findings();

        RemovalItem item = new RemovalPlanner(CatalogLoader.builtIn(), host, root).plan(findings, Passwords.none())
                .item("kes-mac").orElseThrow();

        assertThat(item.blocked()).isEmpty();
        assertThat(item.actions()).extracting(Action::describe).containsExactly(
                "\"" + root.resolve("Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript") + "\"",
                "pkgutil --volume " + root + " --forget com.kaspersky.kav.core",
                "delete file /Library/LaunchDaemons/com.kaspersky.kav.plist");
        Files.delete(root.resolve("Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript"));
        Files.createSymbolicLink(root.resolve("Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript"),
                root.resolve("var/db/receipts/com.kaspersky.kav.core.plist"));
        RemovalItem linked = new RemovalPlanner(CatalogLoader.builtIn(), host, root).plan(findings, Passwords.none())
                .item("kes-mac").orElseThrow();
        assertThat(linked.blocked()).get().asString().contains("not where the catalog expects it");
        assertThat(linked.actions()).isEmpty();
    }

    @Test
    void aPasswordCommandMasksTheAgentPasswordInBothForms() {
        Command c = Command.of("msiexec.exe").secret("Ab1").secretArg("KLUNINSTPASSWD=410062003100", "410062003100").build();
        assertThat(c.describe()).isEqualTo("msiexec.exe KLUNINSTPASSWD=*****");
        assertThat(c.withTimeout(java.time.Duration.ofHours(1)).describe()).isEqualTo(c.describe());
    }

    private static JournalRecord record(String type, Map<String, Object> data) {
        return new JournalRecord(1, Instant.EPOCH, JournalEntries.read(type, data), "0", "0"); // as a journal line reads
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
