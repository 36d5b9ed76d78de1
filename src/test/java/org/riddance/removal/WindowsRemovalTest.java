package org.riddance.removal;

import org.riddance.platform.TestPlatform;
import org.riddance.journal.entry.RemovalOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegFileParser;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Windows removal on the KES + Network Agent fixture through a recording runner: the exact msiexec argv, passwords
 * masked everywhere they could show, exit codes 1603 (password asked), 1618 (retried), 3010 (one restart), 1605.
 * Uninstalls are answered by {@link StandInMsiexec}: what goes, and the exit code, follow from the command the
 * executor built (product code, password properties), so the closing rescan proves something a wrong command fails.
 */
class WindowsRemovalTest {

    static final String KES = StandInMsiexec.KES_CODE;
    static final String AGENT = StandInMsiexec.AGENT_CODE;
    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";
    static final String KEYBOARD = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4D36E96B-E325-11CE-BFC1-08002BE10318}";
    static final String KES_PASSWORD = "Kl@dm1n-s3cret";
    static final String AGENT_PASSWORD = "Ab1";

    @TempDir
    Path root;
    @TempDir
    Path data;
    InMemoryRegistry registry;
    RecordingRunner runner;
    StandInMsiexec installer;
    Host host;
    Catalog catalog = CatalogLoader.builtIn();
    SessionJournal session;
    List<String> prompts = new ArrayList<>();

    @BeforeEach
    void pcWithEndpointSecurityAndNetworkAgent() throws IOException {
        registry = RegFileParser.parse(Path.of("src/test/resources/registry/kaspersky-kes-windows.reg"));
        runner = new RecordingRunner();
        host = Hosts.sandbox(root, OsFamily.WINDOWS, registry).withProcesses(runner);
        installer = new StandInMsiexec(registry, host.files());
        runner.otherwise(installer);
        session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test Technician", "T-1", "Lab", "TCK-1", ""), host.os(), "test");
        // the gate's part is tested in BackupGateTest; here removal runs as after a waiver, deleting what it plans
        session.record(new org.riddance.journal.entry.BackupWaived("stand-ins in a test sandbox: nothing of a customer's to keep"));
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-1\n");
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    @Test
    void planRemovesEndpointSecurityBeforeTheAgentWithTheExactMsiexecLine() {
        RemovalPlan plan = planner().plan(findings(), Passwords.none());

        List<String> ids = plan.items().stream().map(RemovalItem::id).toList();
        assertThat(ids.indexOf("kes-windows")).isLessThan(ids.indexOf("ksc-network-agent"));
        assertThat(msiexec(plan, "kes-windows").argv()).containsExactly(
                root.resolve("C/Windows/System32/msiexec.exe").toString(), "/x", KES, "/qn", "/norestart", "/l*v",
                session.directory().resolve("kes-windows-uninstall.log").toString());
        assertThat(msiexec(plan, "ksc-network-agent").argv()).containsExactly(
                root.resolve("C/Windows/System32/msiexec.exe").toString(), "/x", AGENT, "/qn", "/norestart", "/l*v",
                session.directory().resolve("ksc-network-agent-uninstall.log").toString());
    }

    @Test
    void passwordsGoOnTheCommandLineButAreMaskedInWhatIsShown() {
        Passwords passwords = Passwords.of(Map.of("KLPASSWD", KES_PASSWORD, "KLUNINSTPASSWD", AGENT_PASSWORD));
        RemovalPlan plan = planner().plan(findings(), passwords);

        Command kes = msiexec(plan, "kes-windows");
        assertThat(kes.argv().subList(1, 5)).containsExactly("/x", KES, "KLLOGIN=KLAdmin", "KLPASSWD=" + KES_PASSWORD);
        assertThat(kes.describe()).contains("KLLOGIN=KLAdmin", "KLPASSWD=*****").doesNotContain(KES_PASSWORD);
        Command agent = msiexec(plan, "ksc-network-agent");
        assertThat(agent.argv()).contains("KLUNINSTPASSWD=410062003100");
        assertThat(agent.describe()).contains("KLUNINSTPASSWD=*****").doesNotContain("410062003100");
        assertThat(String.join("\n", plan.describe())).doesNotContain(KES_PASSWORD, "410062003100");
    }

    @Test
    void productCodesComeOnlyFromWellFormedGuids() {
        assertThat(MsiProductCode.fromUninstallString("MsiExec.exe /X{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}"))
                .contains(AGENT);
        assertThat(MsiProductCode.fromUninstallString("MsiExec.exe /X{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B} & calc.exe"))
                .isEmpty();
        assertThat(MsiProductCode.fromUninstallString("\"C:\\evil\\setup.exe\" /x {2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}"))
                .isEmpty();
        assertThat(MsiProductCode.isGuid("{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}\" /qn")).isFalse();
        assertThat(Passwords.agentHex("Ab1")).isEqualTo("410062003100");
    }

    @Test
    void passwordAskedAfter1603BusyRetriedRestartOnceThenProvenGone() throws IOException {
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", KES_PASSWORD)))
                .installed(StandInMsiexec.agent().endingWith(3010));
        runner.answer(RecordingRunner.msiexecFor(AGENT), 1618)
                .answer(RecordingRunner.msiexecFor(AGENT), 1618);
        PasswordPrompt prompt = (item, why) -> {
            prompts.add(item.id() + ": " + why);
            return Optional.of(Map.of("KLPASSWD", KES_PASSWORD));
        };

        RemovalReport first = session(prompt).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(prompts).singleElement().asString().startsWith("kes-windows: msiexec failed with 1603");
        List<Command> msi = runner.seen();
        assertThat(msi).hasSize(5);
        assertThat(msi.get(1).argv()).contains("KLLOGIN=KLAdmin", "KLPASSWD=" + KES_PASSWORD);
        assertThat(msi.subList(2, 5)).allSatisfy(c -> assertThat(c.argv()).contains(AGENT));
        assertThat(first.rebootPending()).isTrue();
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE).orElseThrow().asText())
                .contains("org.riddance.removal.Resume", "--resume");
        // the keyboard filter came out before the restart, kbdclass stayed
        assertThat(registry.value(KEYBOARD, "UpperFilters").orElseThrow().asList()).contains("kbdclass").doesNotContain("klkbdflt");
        assertThat(registry.exists(SERVICES + "klkbdflt")).isFalse();

        RemovalReport same = session(prompt).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());
        assertThat(same.rebootPending()).as("relaunched without a restart: still waiting").isTrue();
        assertThat(runner.seen()).hasSize(5);

        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-2\n");
        RemovalReport after = session(prompt).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(after.rebootPending()).isFalse();
        assertThat(runner.seen()).as("nothing ran twice").hasSize(5);
        assertThat(outcomes()).containsEntry("kes-windows", "removed").containsEntry("ksc-network-agent", "removed");
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE)).isEmpty();
        String journal = Files.readString(session.journal().file());
        assertThat(journal).contains("KLPASSWD=*****").doesNotContain(KES_PASSWORD);
        String log = Files.readString(session.directory().resolve("kes-windows-uninstall.log"), StandardCharsets.UTF_16LE);
        assertThat(log).contains("KLPASSWD=*****").doesNotContain(KES_PASSWORD);
    }

    @Test
    void aWrongPasswordRemovesNothingFailsWithWhatToDoAndTheRescanStillFindsTheProduct() throws IOException {
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", KES_PASSWORD)))
                .installed(StandInMsiexec.agent());
        int[] asked = {0};
        PasswordPrompt onceThenGiveUp = (item, why) -> asked[0]++ == 0 ? Optional.of(Map.of("KLPASSWD", "wrong")) : Optional.empty();

        RemovalReport report = session(onceThenGiveUp).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(runner.seen()).filteredOn(RecordingRunner.msiexecFor(KES)).hasSize(2);
        assertThat(outcomes()).containsEntry("kes-windows", "failed").containsEntry("ksc-network-agent", "removed");
        assertThat(detail("kes-windows")).contains("1603", "password", "KLAPR");
        assertThat(blockage(report, "kes-windows")).contains(Blockage.PASSWORD_REJECTED);
        assertThat(report.remaining()).as("the rescan, not the exit code, says it is still there").contains("kes-windows");
        assertThat(registry.exists(StandInMsiexec.UNINSTALL + KES)).isTrue();
        assertThat(root.resolve("C/Program Files (x86)/Kaspersky Lab/Kaspersky Endpoint Security for Windows")).isDirectory();
        assertThat(Files.readString(session.journal().file())).doesNotContain("KLPASSWD=wrong");
    }

    @Test
    void aPasswordProtectedProductWithNoPasswordGivenStaysAndIsNotCalledRemoved() throws IOException {
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", KES_PASSWORD)))
                .installed(StandInMsiexec.agent());

        RemovalReport report = session(PasswordPrompt.NONE).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(runner.seen()).filteredOn(RecordingRunner.msiexecFor(KES)).singleElement()
                .satisfies(c -> assertThat(c.argv()).noneMatch(a -> a.startsWith("KLPASSWD=")));
        assertThat(outcomes()).containsEntry("kes-windows", "failed");
        assertThat(blockage(report, "kes-windows")).contains(Blockage.PASSWORD_NEEDED);
        assertThat(detail("kes-windows")).contains("no password was given", "KLLOGIN, KLPASSWD", "KLAPR");
        assertThat(report.remaining()).contains("kes-windows").doesNotContain("ksc-network-agent");
    }

    @Test
    void selfDefenceRefusingAKeyIsNamedWithWhatToDoAndTheRunGoesOn() throws IOException {
        // KES stays (no password), so its self-defence still guards the KasperskyLab keys; the old AVP21.3 key is a
        // leftover the sweep tries to delete, and Windows answers access denied
        host = Hosts.sandbox(root, OsFamily.WINDOWS, new SelfDefendingRegistry(registry, SERVICES + "AVP")).withProcesses(runner);
        installer.installed(StandInMsiexec.kes().withRequired(Map.of("KLLOGIN", "KLAdmin", "KLPASSWD", KES_PASSWORD)))
                .installed(StandInMsiexec.agent());

        RemovalReport report = session(PasswordPrompt.NONE).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(report.items()).filteredOn(i -> i.blockage().equals(Optional.of(Blockage.SELF_DEFENCE))).singleElement()
                .satisfies(i -> {
                    assertThat(i.outcome()).contains(Outcome.FAILED);
                    assertThat(i.detail()).contains("self-defence", "Self-Defence", "kavremover", "KasperskyLab\\protected\\AVP21.3");
                });
        assertThat(registry.exists("HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\AVP21.3")).isTrue();
        assertThat(outcomes()).as("the other items still ran").containsEntry("ksc-network-agent", "removed");
    }

    @Test
    void a1603FromAProductThatTakesNoPasswordIsSelfDefenceOrAPendingRestart() {
        RemovalItem plain = new RemovalItem("kis", "Kaspersky Internet Security", org.riddance.catalog.Category.PRODUCT,
                RemovalMethod.MSI, 10, List.of(), List.of(), "", Optional.empty());
        RemovalItem kes = new RemovalItem("kes-windows", "KES", org.riddance.catalog.Category.PRODUCT,
                RemovalMethod.MSI, 10, List.of(), List.of("KLLOGIN", "KLPASSWD"), "", Optional.empty());
        RemovalItem agent = new RemovalItem("ksc-network-agent", "NA", org.riddance.catalog.Category.PRODUCT,
                RemovalMethod.MSI, 20, List.of(), List.of("KLUNINSTPASSWD"), "", Optional.empty());

        assertThat(ItemExecutor.blockageOf1603(plain, Passwords.none())).isEqualTo(Blockage.SELF_DEFENCE_OR_RESTART);
        assertThat(ItemExecutor.blockageOf1603(kes, Passwords.of(Map.of("KLLOGIN", "KLAdmin"))))
                .as("an account alone is no password").isEqualTo(Blockage.PASSWORD_NEEDED);
        assertThat(ItemExecutor.blockageOf1603(kes, Passwords.of(Map.of("KLPASSWD", "x")))).isEqualTo(Blockage.PASSWORD_REJECTED);
        assertThat(ItemExecutor.blockageOf1603(agent, Passwords.of(Map.of("KLPASSWD", "x"))))
                .as("KES's password is not the agent's").isEqualTo(Blockage.PASSWORD_NEEDED);
        assertThat(ItemExecutor.blockageOf1603(agent, Passwords.of(Map.of("KLUNINSTPASSWD", "x")))).isEqualTo(Blockage.PASSWORD_REJECTED);
    }

    @Test
    void theAgentTakesItsPasswordAsUtf16HexAndOnlyThatRemovesIt() throws IOException {
        installer.installed(StandInMsiexec.kes())
                .installed(StandInMsiexec.agent().withRequired(Map.of("KLUNINSTPASSWD", "410062003100")));

        RemovalReport report = session(PasswordPrompt.NONE).run(findings(),
                Passwords.of(Map.of("KLUNINSTPASSWD", AGENT_PASSWORD)), Progress.NONE, Cancellation.none());

        assertThat(runner.seen()).filteredOn(RecordingRunner.msiexecFor(AGENT)).singleElement()
                .satisfies(c -> assertThat(c.argv()).contains("KLUNINSTPASSWD=410062003100"));
        assertThat(outcomes()).containsEntry("kes-windows", "removed").containsEntry("ksc-network-agent", "removed");
        assertThat(report.remaining()).isEmpty();
    }

    @Test
    void a1605ForAProductCodeWindowsInstallerDoesNotKnowIsCaughtByTheRescan() throws IOException {
        // the Uninstall entry names one code, Windows Installer holds the product under another: msiexec /x with the
        // entry's code answers 1605 ("only valid for products that are currently installed") and removes nothing
        installer.installed(StandInMsiexec.kes())
                .installed(StandInMsiexec.agent().knownAs("{11111111-2222-3333-4444-555555555555}"));

        RemovalReport report = session(PasswordPrompt.NONE).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(runner.seen()).filteredOn(RecordingRunner.msiexecFor(AGENT)).hasSize(1);
        assertThat(outcomes()).as("1605 reads as already gone, but the rescan still finds the agent")
                .containsEntry("kes-windows", "removed").containsEntry("ksc-network-agent", "failed");
        assertThat(report.remaining()).containsExactly("ksc-network-agent");
        assertThat(detail("ksc-network-agent")).contains("the rescan still finds it");
    }

    @Test
    void aSecurityCenterEntryLeftBehindIsReportedNotEditedAndRemovalIsNotCalledComplete() throws IOException {
        host = host.withSecurityCenter(org.riddance.platform.TestPlatform.securityCenter(List.of(
                new org.riddance.platform.AntivirusRegistration("Kaspersky Endpoint Security for Windows", 0x61000,
                        "C:\\Program Files (x86)\\Kaspersky Lab\\KES\\avp.exe", "{86367591-4BE4-AE08-2FD9-7FCB8259CD98}"))));
        installer.installed(StandInMsiexec.kes()).installed(StandInMsiexec.agent());

        RemovalReport report = session(PasswordPrompt.NONE).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(report.staleSecurityCenter()).singleElement().asString().startsWith("Kaspersky Endpoint Security for Windows");
        assertThat(report.allGone()).isFalse();
        assertThat(outcomes()).containsEntry("kes-windows", "removed").containsEntry("ksc-network-agent", "removed");
        assertThat(report.remaining()).isNotEmpty();
    }

    private RemovalSession session(PasswordPrompt prompt) {
        return new RemovalSession(host, catalog, Detector.standard(Clock.systemUTC()), RemovalLog.of(session),
                session.directory(), new RemovalOptions(Optional.empty(), Duration.ofMillis(10), 3),
                HangPolicy.stopAtLimit(), prompt, RemovalListener.NONE, List.of("C:\\Riddance\\riddance.exe",
                "org.riddance.removal.Resume", "--resume"));
    }

    private RemovalPlanner planner() {
        return new RemovalPlanner(catalog, host, session.directory());
    }

    private List<Finding> findings() {
        return Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE, Cancellation.none()).findings();
    }

    private static Command msiexec(RemovalPlan plan, String id) {
        return plan.item(id).orElseThrow().actions().stream().filter(a -> a instanceof Action.Run)
                .map(a -> ((Action.Run) a).command()).findFirst().orElseThrow();
    }

    private Map<String, String> outcomes() throws IOException {
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        for (JournalRecord r : RemovalLog.of(session).records()) {
            r.as(RemovalOutcome.class).ifPresent(o -> outcomes.put(o.id(), o.outcome()));
        }
        return outcomes;
    }

    private static Optional<Blockage> blockage(RemovalReport report, String id) {
        return report.items().stream().filter(i -> i.id().equals(id)).findFirst().flatMap(RemovalReport.Item::blockage);
    }

    private String detail(String id) throws IOException {
        return RemovalLog.of(session).records().stream().flatMap(r -> r.as(RemovalOutcome.class).stream())
                .filter(o -> o.id().equals(id)).reduce((a, b) -> b).orElseThrow().detail();
    }
}
