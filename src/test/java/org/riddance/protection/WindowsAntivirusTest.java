package org.riddance.protection;

import org.riddance.platform.TestPlatform;
import org.riddance.journal.entry.JournalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryView;
import org.riddance.platform.SecurityCenter;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** Windows PCs as Security Center and Defender describe them, from fixtures; the live WMI calls need Windows. */
class WindowsAntivirusTest {

    static final String DEFENDER_GUID = "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}";
    private static final Clock NOV_2025 = Clock.fixed(Instant.parse("2025-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    static DefenderStatus fixture(String name) throws IOException {
        try (var in = WindowsAntivirusTest.class.getResourceAsStream(name)) {
            return TestPlatform.defender(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private AntivirusReport check(SecurityCenter center, Clock clock) {
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, RegistryView.NONE).withSecurityCenter(center);
        return AntivirusCheck.standard().run(host, new AntivirusRules(CatalogLoader.builtIn(), 7), clock, Progress.NONE,
                Cancellation.none());
    }

    private void install(String windowsPath) throws IOException {
        Path file = root.resolve(windowsPath.replace("C:\\", "C/").replace('\\', '/'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "stand-in program");
    }

    @Test
    void defenderOnWithCurrentSignaturesPassesWithItsDetails() throws IOException {
        AntivirusReport report = check(TestPlatform.securityCenter(List.of(new AntivirusRegistration("Windows Defender", 397568,
                "windowsdefender://", DEFENDER_GUID)), Optional.of(fixture("mpcomputerstatus-windows11.json"))), NOV_2025);

        assertThat(report.pass()).isTrue();
        ProductVerdict defender = report.products().get(0);
        assertThat(defender.product().id()).isEqualTo(WindowsProbe.DEFENDER_ID);
        assertThat(defender.product().realTime()).isEqualTo(Switch.ON);
        assertThat(defender.product().definitionsVersion()).isEqualTo("1.421.1432.0");
        assertThat(defender.product().definitionsAgeDays(report.checkedAt())).isZero();
        assertThat(defender.product().notes()).contains("running mode: Normal", "tamper protection on");
        assertThat(defender.status()).isEqualTo(Status.PASS);
        assertThat(report.advice()).isEmpty();
    }

    @Test
    void ultraAvTheProductKasperskyCustomersWereMovedToIsALegitimateReplacement() throws IOException {
        install("C:\\Program Files\\UltraAV\\UltraAV.exe");
        AntivirusReport report = check(TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("UltraAV", 266240, "C:\\Program Files\\UltraAV\\UltraAV.exe", "{1}"),
                new AntivirusRegistration("Windows Defender", 393472, "windowsdefender://", DEFENDER_GUID))), NOV_2025);

        assertThat(report.pass()).isTrue();
        assertThat(report.primary().orElseThrow().product().name()).isEqualTo("UltraAV");
        assertThat(report.primary().orElseThrow().banned()).isFalse();
        assertThat(JournalEntries.data(AntivirusJournal.record(report))).containsEntry("name", "UltraAV").containsEntry("pass", true)
                .containsEntry("state", "enabled");
    }

    @Test
    void anActiveKasperskyProductIsItselfBannedAndFailsTheMachine() throws IOException {
        install("C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\avpui.exe");
        AntivirusReport report = check(TestPlatform.securityCenter(List.of(new AntivirusRegistration("Kaspersky Total Security",
                266240, "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\avpui.exe", "{2}"),
                new AntivirusRegistration("Windows Defender", 393472, "windowsdefender://", DEFENDER_GUID))), NOV_2025);

        assertThat(report.pass()).isFalse();
        ProductVerdict kaspersky = report.products().get(0);
        assertThat(kaspersky.banned()).isTrue();
        assertThat(kaspersky.advice()).contains(AntivirusRules.BANNED);
        assertThat(report.advice()).first().isEqualTo(AntivirusRules.BANNED);
        assertThat(JournalEntries.data(AntivirusJournal.record(report))).containsEntry("pass", false);
    }

    @Test
    void aStaleEntryOfARemovedProductIsFlaggedButDoesNotHideAWorkingDefender() throws IOException {
        AntivirusReport report = check(TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("Kaspersky Endpoint Security for Windows", 266240,
                        "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12.0.0\\avpui.exe", "{3}"),
                new AntivirusRegistration("Windows Defender", 397568, "windowsdefender://", DEFENDER_GUID)),
                Optional.of(fixture("mpcomputerstatus-windows11.json"))), NOV_2025);

        ProductVerdict stale = report.products().get(0);
        assertThat(stale.product().stale()).isTrue();
        assertThat(stale.status()).isEqualTo(Status.FAIL);
        assertThat(stale.allProblems()).extracting(Problem::kind).contains(Problem.Kind.STALE);
        assertThat(report.pass()).isTrue();
        assertThat(report.primary().orElseThrow().product().id()).isEqualTo(WindowsProbe.DEFENDER_ID);
    }

    @Test
    void aSnoozedProductMustBeTurnedOnAndOldSignaturesUpdated() throws IOException {
        install("C:\\Program Files\\ESET\\ESET Security\\ecmds.exe");
        AntivirusReport snoozed = check(TestPlatform.securityCenter(List.of(new AntivirusRegistration("ESET Security", 270336,
                "C:\\Program Files\\ESET\\ESET Security\\ecmds.exe", "{4}"))), NOV_2025);
        AntivirusReport outdated = check(TestPlatform.securityCenter(List.of(new AntivirusRegistration("ESET Security", 266256,
                "C:\\Program Files\\ESET\\ESET Security\\ecmds.exe", "{4}"))), NOV_2025);

        assertThat(snoozed.pass()).isFalse();
        assertThat(snoozed.advice()).contains(AntivirusRules.TURN_ON, AntivirusRules.REAL_TIME);
        assertThat(outdated.pass()).isFalse();
        assertThat(outdated.advice()).containsExactly(AntivirusRules.UPDATE);
    }

    @Test
    void windowsServerHasNoSecurityCenterAndIsJudgedByDefendersOwnStatus() throws IOException {
        Clock nov2026 = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        DefenderStatus server = fixture("mpcomputerstatus-server2022-old-signatures.json");

        AntivirusReport report = check(TestPlatform.securityCenter(List.of(), Optional.of(server)), nov2026);

        ProductVerdict defender = report.products().get(0);
        assertThat(defender.product().source()).isEqualTo("MSFT_MpComputerStatus");
        assertThat(defender.product().definitionsAgeDays(report.checkedAt())).isEqualTo(12);
        assertThat(report.pass()).isFalse();
        assertThat(report.advice()).containsExactly(AntivirusRules.UPDATE);
        assertThat(check(TestPlatform.securityCenter(List.of(), Optional.of(server)), nov2026).products()).hasSize(1);
        // with a generous limit the same server passes
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, RegistryView.NONE)
                .withSecurityCenter(TestPlatform.securityCenter(List.of(), Optional.of(server)));
        assertThat(AntivirusCheck.standard().run(host, new AntivirusRules(CatalogLoader.builtIn(), 14), nov2026,
                Progress.NONE, Cancellation.none()).pass()).isTrue();
    }

    @Test
    void defenderInPassiveModeBesideAnotherProductIsNotCountedAsTheProtection() throws IOException {
        install("C:\\Program Files\\UltraAV\\UltraAV.exe");
        String passive = new String(getClass().getResourceAsStream("mpcomputerstatus-windows11.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"AMRunningMode\":  \"Normal\"",
                "\"AMRunningMode\":  \"Passive Mode\"");
        DefenderStatus status = TestPlatform.defender(passive);
        assertThat(status.activeMode()).isFalse();

        AntivirusReport report = check(TestPlatform.securityCenter(List.of(
                new AntivirusRegistration("UltraAV", 262144, "C:\\Program Files\\UltraAV\\UltraAV.exe", "{1}")),
                Optional.of(status)), NOV_2025);

        assertThat(report.products()).as("a passive Defender is not listed as a second product").hasSize(1);
        assertThat(report.pass()).isFalse();
        assertThat(report.advice()).contains(AntivirusRules.TURN_ON);
    }

    @Test
    void aPcWithNoAntivirusFailsWithAdviceToInstallOne() {
        AntivirusReport report = check(SecurityCenter.NONE, NOV_2025);

        assertThat(report.products()).isEmpty();
        assertThat(report.pass()).isFalse();
        assertThat(report.incomplete()).isFalse();
        assertThat(report.advice()).containsExactly(AntivirusRules.INSTALL);
        assertThat(JournalEntries.data(AntivirusJournal.record(report))).containsEntry("name", "none").containsEntry("state", "not-found")
                .containsEntry("pass", false);
    }

    @Test
    void securityCenterThatCannotBeQueriedMakesTheCheckIncompleteNotClean() {
        SecurityCenter broken = () -> {
            throw new IOException("Windows Security Center did not answer within 15 s");
        };
        AntivirusReport report = check(broken, NOV_2025);

        assertThat(report.incomplete()).isTrue();
        assertThat(report.pass()).isFalse();
        assertThat(report.sourcesFailed()).singleElement().asString().contains("did not answer");
    }

    @Test
    void defenderJsonFromWindowsPowerShellAndPowerShell7IsRead() throws IOException {
        DefenderStatus ps51 = fixture("mpcomputerstatus-windows11.json");
        DefenderStatus ps7 = fixture("mpcomputerstatus-server2022-old-signatures.json");

        assertThat(ps51.signatureUpdated()).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(ps51.tamperProtected()).isTrue();
        assertThat(ps51.activeMode()).isTrue();
        assertThat(ps7.signatureUpdated()).contains(Instant.parse("2026-11-11T06:02:41Z"));
        assertThat(ps7.signatureAgeDays()).isEqualTo(12);
        assertThat(ps7.tamperProtected()).isFalse();
    }
}
