package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/** The faults the back-up must survive, injected for real: a full file system and a killed process. */
class BackupFaultsTest {

    @TempDir
    Path root;
    @TempDir
    Path work;

    @Test
    void aFullDriveMidWriteRemovesThePartialArchiveAndChangesNothingElse() throws Exception {
        try (SmallDrive stick = SmallDrive.mount(work.resolve("small-stick"), "1m")) {
            Path drive = stick.path();
            Host host = Hosts.sandbox(root);
            BackupPlan plan = keslPlan(host);
            assertThat(plan.knownBytes()).as("the plan fits the drive").isLessThan(600_000);
            // The product keeps writing its log after the plan was made, as a live product does.
            byte[] grown = new byte[3 << 20];
            new Random(1).nextBytes(grown);
            Path log = root.resolve("var/log/kaspersky/kesl/dumps/events.db");
            Files.write(log, grown);

            assertThatThrownBy(() -> BackupFixtures.backUp(host, Clock.systemUTC(), plan, drive, Progress.NONE, Cancellation.none()))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.DISK_FULL);
                        assertThat(e.getMessage()).contains("ran out of space").contains("partial archive was removed");
                    });
            assertThat(drive.toFile().list()).as("nothing is left on the drive").isEmpty();
            assertThat(Files.readAllBytes(log)).as("the source is untouched").isEqualTo(grown);
        }
    }

    @Test
    void aDriveTooSmallIsRefusedBeforeWriting() throws Exception {
        try (SmallDrive stick = SmallDrive.mount(work.resolve("tiny-stick"), "256k")) {
            Path drive = stick.path();
            Host host = Hosts.sandbox(root);
            BackupPlan plan = keslPlan(host);

            assertThatThrownBy(() -> BackupFixtures.backUp(host, Clock.systemUTC(), plan, drive, Progress.NONE, Cancellation.none()))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_ENOUGH_SPACE);
                        assertThat(e.getMessage()).contains("free but the back-up needs about");
                    });
            assertThat(drive.toFile().list()).isEmpty();
        }
    }

    private BackupPlan keslPlan(Host host) throws IOException {
        BackupFixtures.keslData(root);
        return new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(BackupFixtures.kesl()), Progress.NONE,
                Cancellation.none());
    }

    /** A tmpfs of a given size standing in for a small USB stick; the test is skipped where it cannot be mounted. */
    private record SmallDrive(Path path) implements AutoCloseable {

        static SmallDrive mount(Path dir, String size) throws IOException {
            Files.createDirectories(dir);
            assumeTrue(mountTmpfs(dir, size), "needs root to mount a " + size + " tmpfs as a small drive (runs in CI as root)");
            return new SmallDrive(dir);
        }

        @Override
        public void close() throws Exception {
            new ProcessBuilder("umount", path.toString()).inheritIO().start().waitFor();
        }
    }

    /**
     * A back-up killed while the vendor export runs leaves only a {@code .partial} file; the next run finds it,
     * removes it and makes the back-up again.
     */
    @Test
    void aKilledBackupIsFoundAndRedoneByTheNextRun() throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path marker = work.resolve("export-started");
        Path control = root.resolve("usr/bin/kesl-control");
        writeScript(control, "#!/bin/sh\n# stand-in kesl-control that hangs\ntouch '" + marker + "'\nsleep 60\n");
        Path stick = Files.createDirectories(work.resolve("stick"));
        Path data = work.resolve("data");

        Process first = riddance(data, stick);
        try {
            waitFor(() -> Files.exists(marker), first);
            assertThat(InterruptedBackups.in(stick)).hasSize(1);
        } finally {
            List<ProcessHandle> children = new ArrayList<>(first.descendants().toList());
            first.destroyForcibly().waitFor();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(InterruptedBackups.in(stick)).as("the killed run left its partial archive").hasSize(1);
        try (var files = Files.list(stick)) {
            assertThat(files.filter(p -> p.toString().endsWith(".zip"))).isEmpty();
        }

        writeScript(control, "#!/bin/sh\nprintf 'UseKSN=No\\n' > \"$4\"\n");
        Process second = riddance(data, stick);
        String output = new String(second.getInputStream().readAllBytes());
        assertThat(second.waitFor()).as(output).isZero();

        assertThat(output).contains("An interrupted back-up was found and its partial file removed").contains("Verified");
        assertThat(InterruptedBackups.in(stick)).isEmpty();
        try (var files = Files.list(stick)) {
            assertThat(files.filter(p -> p.toString().endsWith(".zip"))).hasSize(1);
        }
    }

    /**
     * A file the account cannot read is listed in the plan and recorded as not backed up; the back-up goes on.
     * Root reads everything, so as root the check runs in a child without the capabilities that let it.
     */
    @Test
    void aFileThisAccountCannotReadIsListedAndLeftOut() throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path locked = root.resolve("var/log/kaspersky/kesl/locked.log");
        Files.writeString(locked, "a log only the product's own account may read\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        assumeTrue(!asRoot || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "as root this needs setpriv (util-linux) to drop the capability to read any file");
        Path stick = Files.createDirectories(work.resolve("stick"));

        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(riddanceArgv(work.resolve("data"), stick));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());

        assertThat(run.waitFor()).as(output).isZero();
        assertThat(output).contains("cannot read: locked.log")
                .contains("not backed up: /var/log/kaspersky/kesl/locked.log (access denied)")
                .contains("Verified");
    }

    private Process riddance(Path data, Path stick) throws IOException {
        return new ProcessBuilder(riddanceArgv(data, stick)).redirectErrorStream(true).start();
    }

    private List<String> riddanceArgv(Path data, Path stick) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "org.riddance.app.Launcher",
                "--data-dir", data.toString(), "--root", root.toString(), "backup", "--to", stick.toString());
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("riddance ended early: " + new String(process.getInputStream().readAllBytes()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for the back-up to start");
            }
            Thread.sleep(50);
        }
    }

    private static boolean mountTmpfs(Path dir, String size) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                    dir.toString()).redirectErrorStream(true).start();
            return mount.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
