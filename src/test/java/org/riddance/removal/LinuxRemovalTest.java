package org.riddance.removal;

import org.riddance.journal.entry.RemovalStarted;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.RemovalCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInPackage;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Real purges with the real dpkg in a sandbox root: the demo's Endpoint Security and Network Agent come off in
 * order, stand-ins whose prerm fails or hangs fail with what to do next, and the look-alike packages stay.
 */
class LinuxRemovalTest {

    @TempDir
    Path root;
    @TempDir
    Path data;
    Host host;
    SessionJournal session;
    Catalog catalog = CatalogLoader.builtIn();
    List<String> shown = new ArrayList<>();

    @BeforeEach
    void demoSandbox() throws IOException {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        host = Hosts.sandbox(root);
        session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test Technician", "T-1", "Lab", "TCK-1", ""), host.os(), "test");
        // the gate's part is tested in BackupGateTest; here removal runs as after a waiver, deleting what it plans
        session.record(new org.riddance.journal.entry.BackupWaived("stand-ins in a test sandbox: nothing of a customer's to keep"));
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    @Test
    void endpointSecurityThenTheAgentArePurgedForRealAndDecoysStay() throws IOException {
        RemovalPlan plan = planner().plan(findings(), Passwords.none());
        assertThat(plan.items()).extracting(RemovalItem::id).containsExactly("kesl", "ksc-network-agent", "kav4fs-leftovers");
        assertThat(String.join("\n", plan.describe())).contains("dpkg --root=" + root + " --admindir=" + root.resolve("var/lib/dpkg")
                + " --force-not-root --force-script-chrootless --log=" + root.resolve("var/log/dpkg.log") + " --purge kesl",
                "systemctl --root=" + root + " disable kesl.service");

        RemovalReport report = removal(Duration.ofMinutes(2)).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(report.rebootPending()).isFalse();
        assertThat(report.remaining()).isEmpty();
        assertThat(outcomes()).containsEntry("kesl", "removed").containsEntry("ksc-network-agent", "removed")
                .containsEntry("kav4fs-leftovers", "cleaned");
        assertThat(status("kesl")).isEqualTo("not-installed");
        assertThat(status("klnagent64")).isEqualTo("not-installed");
        assertThat(status("klavaro")).isEqualTo("installed");
        assertThat(status("kasumi")).isEqualTo("installed");
        assertThat(status("kasperle-games")).isEqualTo("installed");
        assertThat(root.resolve("opt/kaspersky/kesl")).doesNotExist();
        assertThat(root.resolve("var/opt/kaspersky/kav4fs")).doesNotExist();
        assertThat(root.resolve("opt/kaspersky/klnagent")).doesNotExist();
        assertThat(root.resolve("usr/games/kasperle")).exists();
        assertThat(started()).containsSubsequence("kesl", "ksc-network-agent"); // protection product before the agent
        String dpkgLog = Files.readString(root.resolve("var/log/dpkg.log"));
        assertThat(dpkgLog).contains("purge kesl:all", "status not-installed klnagent64:all");
        assertThat(dpkgLog.indexOf("remove kesl:all")).isLessThan(dpkgLog.indexOf("remove klnagent64:all"));
    }

    @Test
    void aFailingPrermFailsItsItemAndAHangingOneIsStoppedAtTheTimeLimit() throws IOException {
        install(new StandInPackage("kess", "3.0-1", "stand-in <s@riddance.invalid>", "Embedded Systems Security (stand-in)",
                Map.of("opt/kaspersky/kess/bin/kess", "stand-in\n"), List.of(),
                Map.of("prerm", "#!/bin/sh\necho 'self-defence says no' >&2\nexit 1\n")));
        install(new StandInPackage("kav4ws", "8.0-1", "stand-in <s@riddance.invalid>", "Anti-Virus for Workstations (stand-in)",
                Map.of("opt/kaspersky/kav4ws/bin/kav4ws", "stand-in\n"), List.of(),
                Map.of("prerm", "#!/bin/sh\nsleep 600\n")));
        long start = System.nanoTime();

        removal(Duration.ofSeconds(3)).run(findings(), Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(90));
        assertThat(outcomes()).containsEntry("kess-linux", "failed").containsEntry("kav4ws", "failed")
                .containsEntry("kesl", "removed").containsEntry("ksc-network-agent", "removed");
        assertThat(detail("kess-linux")).contains("dpkg failed (exit", "self-defence says no");
        assertThat(detail("kav4ws")).contains("stopped after", "hung", "dpkg --configure -a");
        assertThat(shown).anySatisfy(s -> assertThat(s).contains("kav4ws"));
        assertThat(status("kess")).isEqualTo("installed");
        assertThat(status("kav4ws")).isNotEqualTo("not-installed");
        assertThat(status("klavaro")).isEqualTo("installed");
        assertThat(RemovalLog.of(session).records()).anySatisfy(r ->
                assertThat(r.as(RemovalCommand.class)).hasValueSatisfying(c -> assertThat(c.ending()).isEqualTo("stopped-hung")));
    }

    @Test
    void aDryRunChangesNothing() throws IOException {
        RemovalPlan plan = planner().plan(findings(), Passwords.none());
        assertThat(plan.describe()).isNotEmpty();
        assertThat(status("kesl")).isEqualTo("installed");
        assertThat(RemovalLog.of(session).records()).noneMatch(r -> r.type().startsWith("removal."));
    }

    private void install(StandInPackage pkg) throws IOException {
        Path debs = Files.createDirectories(root.resolve("var/cache/riddance-stand-ins"));
        DemoSandbox.install(root, new SystemProcessRunner(), DemoSandbox.buildDeb(pkg, debs, new SystemProcessRunner(),
                Cancellation.none()), Cancellation.none());
    }

    private RemovalSession removal(Duration limit) {
        HangPolicy recordAndStop = (item, command, waited) -> {
            shown.add(item.id() + " hung: " + command);
            return HangPolicy.Choice.STOP;
        };
        return new RemovalSession(host, catalog, Detector.standard(Clock.systemUTC()), RemovalLog.of(session),
                session.directory(), RemovalOptions.defaults().withStepTimeout(limit), recordAndStop,
                PasswordPrompt.NONE, RemovalListener.NONE, List.of("riddance", "--resume"));
    }

    private RemovalPlanner planner() {
        return new RemovalPlanner(catalog, host, session.directory());
    }

    private List<Finding> findings() {
        return Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE, Cancellation.none()).findings();
    }

    private String status(String pkg) throws IOException {
        ProcessResult r = new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "-W", "-f=${db:Status-Status}", pkg).build());
        return r.succeeded() ? r.stdout().strip() : "not-installed";
    }

    private Map<String, String> outcomes() throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (JournalRecord r : RemovalLog.of(session).records()) {
            r.as(RemovalOutcome.class).ifPresent(o -> outcomes.put(o.id(), o.outcome()));
        }
        return outcomes;
    }

    private List<String> started() throws IOException {
        return RemovalLog.of(session).records().stream().flatMap(r -> r.as(RemovalStarted.class).stream())
                .map(RemovalStarted::id).toList();
    }

    private String detail(String id) throws IOException {
        return RemovalLog.of(session).records().stream().flatMap(r -> r.as(RemovalOutcome.class).stream())
                .filter(o -> o.id().equals(id)).reduce((a, b) -> b).orElseThrow().detail();
    }
}
