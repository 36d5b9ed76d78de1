package org.riddance.protection;

import org.riddance.journal.entry.JournalEntries;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ProcessRunner;
import org.riddance.platform.RegistryView;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** Linux and macOS sandboxes: package databases read with the real dpkg-query, mdatp answers from fixtures. */
class LinuxMacAntivirusTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    /** Answers {@code mdatp health --output json} with a fixture; every other program runs for real. */
    static final class MdatpFixture implements ProcessRunner {
        final String json;
        final List<List<String>> mdatpCalls = new ArrayList<>();

        MdatpFixture(String fixture) throws IOException {
            try (var in = LinuxMacAntivirusTest.class.getResourceAsStream(fixture)) {
                this.json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public ProcessResult run(Command command, Cancellation cancellation) throws IOException {
            if (command.argv().get(0).endsWith("/mdatp")) {
                mdatpCalls.add(command.argv());
                return new ProcessResult(0, json, "", false, ProcessResult.Ending.EXITED, Duration.ofMillis(40));
            }
            return new SystemProcessRunner().run(command, cancellation);
        }
    }

    private static Host withRunner(Host h, ProcessRunner runner) {
        return new Host(h.os(), h.files(), runner, h.registry(), h.services(), h.privileges(), h.running(), h.securityCenter());
    }

    private AntivirusReport check(Host host) {
        return AntivirusCheck.standard().run(host, new AntivirusRules(CatalogLoader.builtIn(), 7), NOW, Progress.NONE,
                Cancellation.none());
    }

    private void dpkgStatus(String... packages) throws IOException {
        StringBuilder status = new StringBuilder();
        for (String p : packages) {
            status.append("Package: ").append(p).append("\nStatus: install ok installed\nPriority: optional\n")
                    .append("Architecture: amd64\nVersion: 7.10.0-1\nMaintainer: stand-in <nobody@example.invalid>\n")
                    .append("Description: stand-in package for a Riddance test\n\n");
        }
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), status.toString());
    }

    private void file(String path, String content) throws IOException {
        Path f = root.resolve(path.substring(1));
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    @Test
    void aLinuxMachineWithNoAntivirusFailsWithAdviceToInstallOne() throws IOException {
        dpkgStatus("coreutils", "bash");

        AntivirusReport report = check(Hosts.sandbox(root));

        assertThat(report.products()).isEmpty();
        assertThat(report.pass()).isFalse();
        assertThat(report.advice()).containsExactly(AntivirusRules.INSTALL);
    }

    @Test
    void defenderForEndpointOnLinuxIsReadFromMdatpHealth() throws IOException {
        file(MdatpProbe.LINUX_PATH, "stand-in");
        dpkgStatus("mdatp");
        MdatpFixture mdatp = new MdatpFixture("mdatp-health-healthy.json");

        AntivirusReport report = check(withRunner(Hosts.sandbox(root), mdatp));

        assertThat(mdatp.mdatpCalls).singleElement().asList().endsWith("health", "--output", "json");
        assertThat(report.products()).as("the package entry merges into mdatp's own").hasSize(1);
        AntivirusProduct p = report.products().get(0).product();
        assertThat(p.version()).isEqualTo("101.24092.0004");
        assertThat(p.realTime()).isEqualTo(Switch.ON);
        assertThat(p.definitionsVersion()).isEqualTo("1.421.1410.0");
        assertThat(p.definitionsAgeDays(NOW.instant())).isZero();
        assertThat(report.pass()).isTrue();
    }

    @Test
    void mdatpWithRealTimeOffAndOldDefinitionsSaysWhatToDo() throws IOException {
        file(MdatpProbe.LINUX_PATH, "stand-in");
        AntivirusReport report = check(withRunner(Hosts.sandbox(root), new MdatpFixture("mdatp-health-rtp-off-old-definitions.json")));

        assertThat(report.pass()).isFalse();
        AntivirusProduct p = report.products().get(0).product();
        assertThat(p.definitionsAgeDays(NOW.instant())).isEqualTo(28);
        assertThat(report.advice()).contains(AntivirusRules.TURN_ON, AntivirusRules.REAL_TIME, AntivirusRules.UPDATE);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("unhealthy"));
    }

    @Test
    void otherProductsAreRecognisedByTheirPackagesAndKasperskyAmongThemIsBanned() throws IOException {
        dpkgStatus("falcon-sensor", "kesl");

        AntivirusReport report = check(Hosts.sandbox(root));

        assertThat(report.products()).extracting(v -> v.product().id()).containsExactly("crowdstrike-falcon", "kesl");
        ProductVerdict falcon = report.products().get(0);
        assertThat(falcon.product().enabled()).as("no falcon-sensor process in the sandbox").isEqualTo(Switch.OFF);
        assertThat(falcon.advice()).contains(AntivirusRules.TURN_ON);
        assertThat(report.products().get(1).banned()).isTrue();
        assertThat(report.pass()).isFalse();
        assertThat(report.advice()).first().isEqualTo(AntivirusRules.BANNED);
    }

    @Test
    void aRunningProductWhoseSettingsCannotBeReadIsUnverifiedUntilTheEicarTestProvesIt() throws IOException {
        dpkgStatus("falcon-sensor");
        file("/proc/4242/comm", "falcon-sensor\n");

        AntivirusReport report = check(Hosts.sandbox(root));

        ProductVerdict falcon = report.products().get(0);
        assertThat(falcon.product().enabled()).isEqualTo(Switch.ON);
        assertThat(falcon.status()).isEqualTo(Status.UNVERIFIED);
        assertThat(report.pass()).isFalse();
        AntivirusReport proven = report.withEicar("crowdstrike-falcon",
                new EicarOutcome(EicarOutcome.Result.DETECTED, "the antivirus removed the test file after 2 s", true));
        assertThat(proven.pass()).isTrue();
        assertThat(JournalEntries.data(AntivirusJournal.record(proven))).containsEntry("eicar", "detected").containsEntry("pass", true)
                .containsEntry("defsAgeDays", -1L);
    }

    @Test
    void xprotectOnMacIsReadFromItsBundle() throws IOException {
        String bundle = XProtectProbe.BUNDLES.get(0);
        file(bundle + "/Contents/Info.plist", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                	<key>CFBundleIdentifier</key>
                	<string>com.apple.XProtectFramework.plugin-support</string>
                	<key>CFBundleShortVersionString</key>
                	<string>5297</string>
                	<key>CFBundleVersion</key>
                	<string>5297</string>
                </dict>
                </plist>
                """);
        file(bundle + "/Contents/Resources/XProtect.yara", "rule stand_in { condition: false }");
        Files.setLastModifiedTime(root.resolve(bundle.substring(1) + "/Contents/Resources/XProtect.yara"),
                FileTime.from(Instant.parse("2025-11-20T09:00:00Z")));

        AntivirusReport report = check(Hosts.sandbox(root, OsFamily.MACOS, RegistryView.NONE));

        AntivirusProduct xprotect = report.products().get(0).product();
        assertThat(xprotect.version()).isEqualTo("5297");
        assertThat(xprotect.definitionsAgeDays(NOW.instant())).isEqualTo(3);
        assertThat(xprotect.eicarRoute().possible()).isFalse();
        assertThat(report.pass()).isTrue();
    }

    @Test
    void defenderForEndpointOnMacIsAskedAtItsMacPath() throws IOException {
        file(MdatpProbe.MAC_PATH, "stand-in");
        MdatpFixture mdatp = new MdatpFixture("mdatp-health-healthy.json");

        AntivirusReport report = check(withRunner(Hosts.sandbox(root, OsFamily.MACOS, RegistryView.NONE), mdatp));

        assertThat(mdatp.mdatpCalls).singleElement().asList().first().asString().endsWith("/usr/local/bin/mdatp");
        assertThat(report.products()).extracting(v -> v.product().id()).containsExactly("mdatp");
        assertThat(report.pass()).isTrue();
    }

    @Test
    void clamdConfAndVersionRepliesAreParsed() throws IOException {
        file("/etc/clamav/clamd.conf", """
                # written by a test
                LocalSocket /run/clamav/clamd.ctl
                TCPSocket 3310
                DatabaseDirectory "/var/lib/clamav"
                OnAccessIncludePath /home
                OnAccessIncludePath /srv/share
                OnAccessPrevention yes
                """);
        ClamdConfig config = ClamdConfig.read(root.resolve("etc/clamav/clamd.conf"));

        assertThat(config.localSocket()).contains("/run/clamav/clamd.ctl");
        assertThat(config.tcpPort()).contains(3310);
        assertThat(config.databaseDirectory()).isEqualTo("/var/lib/clamav");
        assertThat(config.onAccessIncludePaths()).containsExactly("/home", "/srv/share");
        assertThat(config.onAccessPrevention()).isTrue();
        ClamavProbe.ClamdVersion v = ClamavProbe.ClamdVersion.parse("ClamAV 1.4.6/27467/Sun Nov  2 09:31:00 2025");
        assertThat(v.engine()).isEqualTo("1.4.6");
        assertThat(v.database()).isEqualTo("27467");
        assertThat(v.date()).isPresent();
        assertThat(ClamavProbe.ClamdVersion.parse("ClamAV 1.4.6").date()).isEmpty();
    }

    @Test
    void clamdThatIsNotRunningMustBeStarted() throws IOException {
        file("/etc/clamav/clamd.conf", "LocalSocket /run/clamav/clamd.ctl\n");

        AntivirusReport report = check(Hosts.sandbox(root));

        ProductVerdict clamav = report.products().get(0);
        assertThat(clamav.product().enabled()).isEqualTo(Switch.OFF);
        assertThat(clamav.product().notes()).anySatisfy(n -> assertThat(n).contains("clamd does not answer"));
        assertThat(clamav.advice()).contains(AntivirusRules.TURN_ON, AntivirusRules.REAL_TIME);
        assertThat(report.pass()).isFalse();
    }
}
