package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.BackupPlanner;
import org.riddance.backup.BackupRecords;
import org.riddance.backup.BackupWriter;
import org.riddance.backup.Manifest;
import org.riddance.backup.ManifestEntry;
import org.riddance.backup.PlannedItem;
import org.riddance.backup.ReadBack;
import org.riddance.backup.Restorer;
import org.riddance.backup.WrittenBackup;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInScripts;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.journal.SessionJournal;
import org.riddance.journal.SessionStore;
import org.riddance.journal.entry.RemovalCompleted;
import org.riddance.journal.entry.RemovalKept;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.MachineIdentity;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * The chain back-up, gate, removal on the demo sandbox with the real dpkg: the plan holds what the platform knows
 * is the products' (a changed conffile, a changed package file, the uninstalled kav4fs's leftovers), the gate
 * accepts only an archive of this machine that covers the plan, and after a real purge no file is gone that is
 * neither in the verified archive nor an unchanged file of a purged package (which the package restores).
 */
class BackupGateTest {

    static final String MACHINE_ID = "5f3c0a7e9b2d4c61a8e0f1d2c3b4a596";

    @TempDir
    Path root;
    @TempDir
    Path stick;
    @TempDir
    Path data;
    Host host;
    Catalog catalog = CatalogLoader.builtIn();
    SessionJournal session;

    @BeforeEach
    void demoSandbox() throws IOException {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Files.writeString(root.resolve("etc/machine-id"), MACHINE_ID + "\n");
        // the technician's own settings in the conffile, and a package file the customer patched
        Files.writeString(root.resolve("etc/opt/kaspersky/kesl/kesl.conf"), "# customer settings\nUseFanotify=no\n");
        Files.writeString(root.resolve("usr/bin/kesl-control"), "#!/bin/sh\n# patched by the customer\n");
        host = Hosts.sandbox(root);
        session = new SessionStore(data, Clock.systemUTC()).start(
                new SessionInfo("Test Technician", "T-1", "Lab", "TCK-1", ""), host.os(), "test");
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-1\n");
    }

    @AfterEach
    void close() throws IOException {
        session.close();
    }

    @Test
    void thePlanHoldsWhatThePlatformKnowsIsTheProducts() throws IOException {
        BackupPlan plan = backupPlan(findings());

        assertThat(plan.items()).filteredOn(i -> i.key().equals("kesl/package-kesl")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(PlannedItem.Kind.FILES);
            assertThat(i.paths()).contains("/etc/opt/kaspersky/kesl/kesl.conf", "/usr/bin/kesl-control");
        });
        assertThat(plan.items()).extracting(PlannedItem::source).contains("/opt/kaspersky/kesl", "/var/opt/kaspersky/kesl",
                "/var/opt/kaspersky/kav4fs", "/var/log/kaspersky/kav4fs", "/opt/kaspersky/klnagent");
        assertThat(plan.findings()).contains("kesl", "ksc-network-agent", "kav4fs-leftovers");
    }

    /** The whole chain for real; the assertion the issue asks for: nothing deleted that is in no verified archive. */
    @Test
    void removalDeletesNothingThatIsInNoVerifiedArchive() throws IOException {
        List<Finding> findings = findings();
        WrittenBackup written = backUp(backupPlan(findings));
        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
        assertThat(check.problems()).isEmpty();
        assertThat(written.manifest().machine()).isEqualTo(new MachineIdentity("demo-pc", MACHINE_ID));
        RemovalPlan plan = removal().planner().plan(findings, Passwords.none());

        BackupGate.Coverage gate = BackupGate.check(written.archive(), host, plan);
        assertThat(gate.missing()).isEmpty();
        assertThat(gate.open()).isTrue();
        session.record(BackupRecords.verified(check));

        Map<String, String> before = files(root);
        Set<String> reinstallable = unchangedPackageFiles();
        RemovalReport report = removal().run(findings, Passwords.none(), Progress.NONE, Cancellation.none());
        Map<String, String> after = files(root);

        assertThat(before.keySet().stream().filter(p -> !p.endsWith("#md5") && !after.containsKey(p)).count())
                .as("removal really deleted files").isGreaterThan(5);
        assertThat(lost(before, after, written, reinstallable)).as("deleted without being in the verified archive").isEmpty();
        assertThat(report.kept()).as("everything removal deletes is in the archive").isEmpty();
        assertThat(after).containsKey("/usr/games/kasperle"); // a decoy stays
    }

    /**
     * Issue 14: what an uninstaller writes after the back-up is in no archive. kesl's postrm (a stand-in's, run by
     * the real dpkg on purge) writes a new log in its data folder and adds a line to its own log; the sweep keeps
     * both, journals them and reports them, and still deletes the files the archive holds unchanged.
     */
    @Test
    void whatTheUninstallerWritesAfterTheBackUpIsKeptNotDeleted() throws IOException {
        StandInScripts.reinstallKesl(root, stick.resolve("debs"), StandInScripts.KESL_POSTRM_WRITES_LOGS);
        List<Finding> findings = findings();
        WrittenBackup written = backUp(backupPlan(findings));
        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
        assertThat(check.problems()).isEmpty();
        assertThat(BackupGate.check(written.archive(), host, removal().planner().plan(findings, Passwords.none()))
                .missing()).isEmpty();
        session.record(BackupRecords.verified(check));
        Map<String, String> before = files(root);
        Set<String> reinstallable = unchangedPackageFiles();

        RemovalReport report = removal().run(findings, Passwords.none(), Progress.NONE, Cancellation.none());
        Map<String, String> after = files(root);

        assertThat(root.resolve("var/opt/kaspersky/kesl/common/uninstall.log")).as("written after the back-up")
                .hasContent("stand-in kesl uninstaller: purged");
        assertThat(root.resolve("var/log/kaspersky/kesl/kesl.log")).as("changed after the back-up")
                .content().contains("scan finished", "purged");
        assertThat(root.resolve("var/opt/kaspersky/kesl/common/agreements.ini")).as("in the archive, unchanged")
                .doesNotExist();
        assertThat(root.resolve("var/opt/kaspersky/kav4fs/db/bases.stt")).doesNotExist();
        assertThat(report.kept()).containsExactlyInAnyOrder(
                "/var/opt/kaspersky/kesl/common/uninstall.log (not in the back-up)",
                "/var/log/kaspersky/kesl/kesl.log (not in the back-up: changed since the back-up was made)");
        assertThat(RemovalLog.of(session).records()).anySatisfy(r -> assertThat(r.as(RemovalKept.class))
                .hasValueSatisfying(k -> assertThat(k.kept()).extracting(RemovalKept.Kept::path)
                        .contains("/var/opt/kaspersky/kesl/common/uninstall.log")));
        assertThat(session.contents().last(RemovalCompleted.class).orElseThrow().kept()).hasSize(2);
        // what is kept keeps its folder, so the rescan still finds that leftover, and says why
        assertThat(report.remaining()).containsExactly("kesl-leftovers");
        assertThat(session.contents().all(RemovalOutcome.class)).filteredOn(o -> o.id().equals("kesl-leftovers"))
                .last().satisfies(o -> assertThat(o.detail()).contains("kept what no verified back-up holds",
                        "back up again and run removal again"));
        assertThat(lost(before, after, written, reinstallable)).as("deleted without being in the verified archive").isEmpty();
    }

    /** Every file gone that is neither in the archive with the same bytes nor an unchanged file of a purged package. */
    private List<String> lost(Map<String, String> before, Map<String, String> after, WrittenBackup written,
                              Set<String> reinstallable) {
        Map<String, String> archived = written.manifest().entries().stream()
                .filter(e -> e.kind().equals(ManifestEntry.FILE))
                .collect(Collectors.toMap(ManifestEntry::source, ManifestEntry::sha256, (a, b) -> a));
        return before.entrySet().stream()
                .filter(e -> !e.getKey().endsWith("#md5"))
                .filter(e -> !after.containsKey(e.getKey()))
                .filter(e -> !e.getKey().startsWith("/var/lib/dpkg/")) // the package database's own records
                .filter(e -> !e.getValue().equals(archived.get(e.getKey())))
                .filter(e -> !reinstallable.contains(e.getKey() + " " + md5(root, e.getKey(), before)))
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void anArchiveOfAnotherMachineIsRefused() throws IOException {
        List<Finding> findings = findings();
        WrittenBackup written = backUp(backupPlan(findings));
        RemovalPlan plan = removal().planner().plan(findings, Passwords.none());
        Files.writeString(root.resolve("etc/machine-id"), "0000000000000000000000000000beef\n");

        BackupGate.Coverage gate = BackupGate.check(written.archive(), host, plan);

        assertThat(gate.open()).isFalse();
        assertThat(gate.missing()).singleElement().asString().contains("made on demo-pc (machine id " + MACHINE_ID,
                "not on this machine", "0000000000000000000000000000beef");
    }

    /** The 215-byte zip with an empty manifest, and an archive of the format before the binding. */
    @Test
    void aTinyZipWithAnEmptyManifestAndAnOlderArchiveOpenNothing() throws IOException {
        RemovalPlan plan = removal().planner().plan(findings(), Passwords.none());
        Path tiny = stick.resolve("tiny.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tiny))) {
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            zip.write(("{\"format\":\"" + Manifest.FORMAT + "\"}").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(Files.size(tiny)).isLessThan(300);
        assertThat(ArchiveVerifier.verify(tiny, Progress.NONE, Cancellation.none()).intact())
                .as("it is a well-formed archive").isTrue();

        BackupGate.Coverage gate = BackupGate.check(tiny, host, plan);

        assertThat(gate.open()).isFalse();
        assertThat(gate.why()).contains("earlier Riddance", "back up again");
    }

    @Test
    void aPartialBackUpSaysWhatIsMissing() throws IOException {
        List<Finding> findings = findings();
        BackupPlan full = backupPlan(findings);
        WrittenBackup written = backUp(full.only(Set.of("kesl/config", "kesl/logs")));
        RemovalPlan plan = removal().planner().plan(findings, Passwords.none());

        BackupGate.Coverage gate = BackupGate.check(written.archive(), host, plan);

        assertThat(gate.open()).isFalse();
        assertThat(String.join("\n", gate.missing())).contains(
                "package kesl are in no archive",
                "the folder /opt/kaspersky/kesl is not backed up whole",
                "the folder /var/opt/kaspersky/kav4fs is not backed up whole");
    }

    @Test
    void aFileWrittenSinceTheBackUpIsNamed() throws IOException {
        List<Finding> findings = findings();
        WrittenBackup written = backUp(backupPlan(findings));
        Files.writeString(root.resolve("var/opt/kaspersky/kesl/common/quarantine-new.bin"), "arrived after the back-up\n");
        RemovalPlan plan = removal().planner().plan(findings, Passwords.none());

        BackupGate.Coverage gate = BackupGate.check(written.archive(), host, plan);

        assertThat(gate.open()).isFalse();
        assertThat(gate.missing()).anySatisfy(m -> assertThat(m).contains(
                "/var/opt/kaspersky/kesl/common/quarantine-new.bin", "written since the back-up"));
    }

    /**
     * A product folder's parent swapped for a link out of the root: back-up refuses to read through it, the gate
     * names the folder, and removal (run even so) deletes nothing outside the root.
     */
    @Test
    void aLinkOutOfTheRootLetsNothingBeReadOrDeletedOutsideIt(@TempDir Path outside) throws IOException {
        Files.createDirectories(outside.resolve("kav4fs"));
        Files.writeString(outside.resolve("kav4fs/kav4fs.log"), "a file of this PC, outside the sandbox\n");
        Files.writeString(outside.resolve("kav4fs/keep.txt"), "keep me\n");
        Path logs = root.resolve("var/log/kaspersky");
        try (Stream<Path> walk = Files.walk(logs)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.createSymbolicLink(logs, outside);
        Map<String, String> outsideBefore = files(outside);
        List<Finding> findings = findings();

        WrittenBackup written = backUp(backupPlan(findings));
        assertThat(written.manifest().entries()).extracting(ManifestEntry::source).noneMatch(p -> p.startsWith("/var/log/kaspersky"));
        RemovalPlan plan = removal().planner().plan(findings, Passwords.none());
        BackupGate.Coverage gate = BackupGate.check(written.archive(), host, plan);
        removal().run(findings, Passwords.none(), Progress.NONE, Cancellation.none());

        assertThat(files(outside)).isEqualTo(outsideBefore);
        assertThat(gate.open() && plan.items().stream().flatMap(i -> i.actions().stream())
                .anyMatch(a -> a.describe().contains("/var/log/kaspersky"))).as("a plan deleting there is not opened").isFalse();
    }

    /** Archives of the current format still verify and restore, whatever the gate says of them. */
    @Test
    void anArchiveStillRestores() throws IOException {
        WrittenBackup written = backUp(backupPlan(findings()));
        Path target = stick.resolve("restored");

        assertThat(Restorer.restore(written.archive(), target, Progress.NONE, Cancellation.none()).refused()).isEmpty();
        assertThat(target.resolve("kesl/package-kesl/etc/opt/kaspersky/kesl/kesl.conf"))
                .hasContent("# customer settings\nUseFanotify=no");
    }

    private List<Finding> findings() {
        return Detector.standard(Clock.systemUTC()).scan(host, catalog, Progress.NONE, Cancellation.none()).findings();
    }

    private BackupPlan backupPlan(List<Finding> findings) {
        return new BackupPlanner(host, catalog).plan(findings, Progress.NONE, Cancellation.none());
    }

    private WrittenBackup backUp(BackupPlan plan) throws IOException {
        BackupWriter writer = new BackupWriter(host, Clock.systemUTC(), "test");
        return writer.write(plan, writer.archiveIn(stick), "s1", Progress.NONE, Cancellation.none());
    }

    private RemovalSession removal() {
        return new RemovalSession(host, catalog, Detector.standard(Clock.systemUTC()), RemovalLog.of(session),
                session.directory(), RemovalOptions.defaults().withStepTimeout(Duration.ofMinutes(2)),
                HangPolicy.stopAtLimit(), PasswordPrompt.NONE, RemovalListener.NONE, List.of("riddance", "remove"));
    }

    /** "path md5" of every file the installed packages shipped, from dpkg's own md5sums lists. */
    private Set<String> unchangedPackageFiles() throws IOException {
        Set<String> shipped = new java.util.HashSet<>();
        try (Stream<Path> lists = Files.list(root.resolve("var/lib/dpkg/info"))) {
            for (Path list : lists.filter(p -> p.toString().endsWith(".md5sums")).toList()) {
                for (String line : Files.readAllLines(list)) {
                    String[] parts = line.split("\\s+", 2);
                    if (parts.length == 2) {
                        shipped.add("/" + parts[1] + " " + parts[0]);
                    }
                }
            }
        }
        return shipped;
    }

    private static String md5(Path root, String path, Map<String, String> before) {
        return before.get(path + "#md5");
    }

    /** Every regular file under the root by system path: SHA-256, and its MD5 under "path#md5" for dpkg's lists. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String path = "/" + root.relativize(p);
                files.put(path, hex("SHA-256", bytes));
                files.put(path + "#md5", hex("MD5", bytes));
            }
        }
        return files;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
