package org.riddance.protection;

import org.riddance.journal.entry.ScanCompleted;
import org.riddance.journal.entry.AntivirusChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.riddance.catalog.CatalogLoader;
import org.riddance.cli.RiddanceCommand;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.platform.Hosts;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine;

/**
 * A real ClamAV: clamd from the Debian packages, started on a private socket with a signature database built here
 * by sigtool that detects the EICAR file (no network, no freshclam). The sandbox root's etc/clamav/clamd.conf
 * points at that socket and database, as /etc/clamav/clamd.conf would on a real machine. The machine's own clamav
 * services are never touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClamavIntegrationTest {

    private static final String SIGNATURE = LocalClamd.SIGNATURE;
    private Path root;
    private Path work;
    private Path database;
    private LocalClamd clamd;

    @BeforeAll
    void startClamd() throws Exception {
        assumeTrue(LocalClamd.missing().isEmpty(), LocalClamd.missing().orElse(""));
        work = Files.createTempDirectory("riddance-clamav-test-");
        root = work.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        clamd = LocalClamd.start(root);
        database = clamd.database();
    }

    @AfterAll
    void stopClamd() throws Exception {
        if (clamd != null) {
            clamd.close();
        }
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private AntivirusReport check(int maxAgeDays) {
        return AntivirusCheck.standard().run(Hosts.sandbox(root), new AntivirusRules(CatalogLoader.builtIn(), maxAgeDays),
                Clock.systemUTC(), Progress.NONE, Cancellation.none());
    }

    @Test
    void clamdAnswersAndItsDatabaseDetectsTheEicarFileButWithoutOnAccessScanningItFails() throws IOException {
        List<Path> before = eicarFolders();
        AntivirusReport report = check(7);

        ProductVerdict clamav = report.products().get(0);
        assertThat(clamav.product().enabled()).isEqualTo(Switch.ON);
        assertThat(clamav.product().version()).matches("\\d+\\.\\d+.*");
        assertThat(clamav.product().definitionsAgeDays(report.checkedAt())).isZero();
        assertThat(clamav.product().realTime()).isEqualTo(Switch.OFF);

        AntivirusReport tested = AntivirusCheck.withEicarTest(report, new EicarTest(Duration.ofSeconds(30),
                Duration.ofSeconds(30)), Progress.NONE, Cancellation.none());

        EicarOutcome eicar = tested.products().get(0).eicar();
        assertThat(eicar.result()).isEqualTo(EicarOutcome.Result.DETECTED);
        assertThat(eicar.detail()).contains(SIGNATURE, "FOUND");
        assertThat(eicar.cleanedUp()).isTrue();
        assertThat(eicarFolders()).isEqualTo(before);
        assertThat(tested.pass()).isFalse();
        assertThat(tested.advice()).containsExactly(AntivirusRules.REAL_TIME);
    }

    @Test
    void withClamonaccRunningTheCommandLineCheckPassesAndIsRecordedInTheSession() throws Exception {
        Path proc = root.resolve("proc/31337");
        Files.createDirectories(proc);
        Files.writeString(proc.resolve("comm"), "clamonacc\n"); // the sandbox's process table: on-access scanning runs
        Path data = work.resolve("data-pass");
        try {
            SessionStore store = new SessionStore(data, Clock.systemUTC());
            // a session of this sandbox root, as `session start --root` writes it: a command joins only its own root's
            try (SessionJournal session = store.start(new SessionInfo("Test Technician", "T1", "Lab", "TICKET-6", ""),
                    Hosts.sandbox(root).os(), "test", false, root.toAbsolutePath().normalize().toString())) {
                session.record(new ScanCompleted("complete", "1", "00", "built-in", List.of(), List.of()));
            }

            StringWriter out = new StringWriter();
            int exit = cli(out, "--data-dir", data.toString(), "check-av", "--root", root.toString(), "--eicar", "--json");

            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(exit).as(out.toString()).isZero();
            assertThat(json.get("status").asText()).isEqualTo("pass");
            assertThat(json.at("/products/0/realTime").asText()).isEqualTo("on");
            assertThat(json.at("/products/0/eicar/result").asText()).isEqualTo("detected");
            assertThat(json.at("/receipt/eicar").asText()).isEqualTo("detected");

            Path journal;
            try (Stream<Path> sessions = Files.list(data.resolve("sessions"))) {
                List<Path> all = sessions.toList();
                assertThat(all).as("the command joined the open session, it started none").hasSize(1);
                journal = all.get(0).resolve(SessionStore.JOURNAL);
            }
            AntivirusChecked record = JournalContents.read(journal).last(AntivirusChecked.class).orElseThrow();
            assertThat(record.name()).startsWith("ClamAV ");
            assertThat(record.state()).isEqualTo("enabled");
            assertThat(record.eicar()).isEqualTo("detected");
            assertThat(record.pass()).isTrue();
            assertThat(record.defsAgeDays()).isZero();
        } finally {
            Files.delete(proc.resolve("comm"));
            Files.delete(proc);
        }
    }

    @Test
    void oldDefinitionsFailUnlessTheLimitIsRaisedOnTheCommandLine() throws Exception {
        Path hdb = database.resolve("riddance.hdb");
        FileTime original = Files.getLastModifiedTime(hdb);
        Files.setLastModifiedTime(hdb, FileTime.from(Instant.now().minus(10, ChronoUnit.DAYS)));
        try {
            StringWriter strict = new StringWriter();
            assertThat(cli(strict, "--data-dir", work.resolve("data-old").toString(), "check-av", "--root",
                    root.toString())).isEqualTo(1);
            assertThat(strict.toString()).contains("FAIL  ClamAV", "definitions are 10 days old",
                    "next: " + AntivirusRules.UPDATE, "next: " + AntivirusRules.REAL_TIME);

            StringWriter lenient = new StringWriter();
            cli(lenient, "--data-dir", work.resolve("data-old").toString(), "check-av", "--root", root.toString(),
                    "--json", "--max-definitions-age", "30");
            JsonNode json = new ObjectMapper().readTree(lenient.toString());
            assertThat(json.at("/products/0/definitionsAgeDays").asInt()).isEqualTo(10);
            assertThat(json.get("advice").toString()).doesNotContain(AntivirusRules.UPDATE);
        } finally {
            Files.setLastModifiedTime(hdb, original);
        }
    }

    private static int cli(StringWriter out, String... args) {
        CommandLine cli = RiddanceCommand.commandLine(context -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private static List<Path> eicarFolders() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("riddance-eicar-")).sorted().toList();
        }
    }
}
