package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

class BackupArchiveTest {

    @TempDir
    Path root;
    @TempDir
    Path stick;

    private Host host;
    private BackupPlan plan;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC);

    @BeforeEach
    void sandbox() throws IOException {
        BackupFixtures.keslData(root);
        host = Hosts.sandbox(root);
        plan = new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(BackupFixtures.kesl()), Progress.NONE,
                Cancellation.none());
    }

    @Test
    void plansTheCatalogItemsWithTheirRealSizes() {
        assertThat(plan.items()).extracting(PlannedItem::key)
                .startsWith("kesl/settings", "kesl/config", "kesl/logs");
        PlannedItem logs = plan.items().get(2);
        assertThat(logs.files()).isEqualTo(2);
        assertThat(logs.bytes()).isEqualTo(sizeOf("var/log/kaspersky/kesl/kesl.log") + 300_000);
        assertThat(plan.items().get(0).problem()).contains("not there");
    }

    @Test
    void writesAnArchiveThatReadsBackIntactAndOwnerOnly() throws IOException {
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE,
                Cancellation.none());

        assertThat(written.archive().getFileName().toString()).matches("riddance-backup-.+-20261123-101530\\.zip");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.archive()))).isEqualTo("rw-------");
        assertThat(Files.list(stick).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                .containsExactly(written.archive().getFileName().toString());
        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
        assertThat(check.problems()).isEmpty();
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(4);
        assertThat(check.sha256()).isEqualTo(Hashes.sha256(written.archive()));
        assertThat(check.manifest().entries()).extracting(ManifestEntry::path).contains(
                "kesl/config/kesl.ini", "kesl/logs/kesl.log", "kesl/logs/dumps/events.db");
        assertThat(check.manifest().entries()).filteredOn(e -> e.path().equals("kesl/logs/kesl.log")).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("/var/log/kaspersky/kesl/kesl.log"));
        try (ZipFile zip = new ZipFile(written.archive().toFile())) {
            assertThat(zip.getEntry("kesl/logs/kesl.log").getCompressedSize())
                    .as("logs compress").isLessThan(sizeOf("var/log/kaspersky/kesl/kesl.log") / 5);
            assertThat(zip.getEntry("kesl/logs/dumps/events.db").getCompressedSize())
                    .as("packed data is stored, not recompressed").isGreaterThanOrEqualTo(300_000);
        }
    }

    @Test
    void aFlippedByteInAnEntryIsFound() throws IOException {
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE,
                Cancellation.none());
        long offset = Hashes.dataOffset(written.archive(), "kesl/logs/dumps/events.db") + 1000;
        try (RandomAccessFile file = new RandomAccessFile(written.archive().toFile(), "rw")) {
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x01);
        }

        ArchiveCheck check = ArchiveVerifier.verify(written.archive(), Progress.NONE, Cancellation.none());

        assertThat(check.intact()).isFalse();
        assertThat(String.join("\n", check.problems())).contains("damaged");
    }

    @Test
    void aSourceChangedAfterItWasBackedUpIsFoundByTheReadBack() throws IOException {
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE,
                Cancellation.none());
        Files.writeString(root.resolve("var/opt/kaspersky/kesl/common/kesl.ini"), "[General]\nUseKSN=Yes\n");

        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());

        assertThat(check.intact()).isFalse();
        assertThat(check.problems()).singleElement().asString()
                .startsWith("/var/opt/kaspersky/kesl/common/kesl.ini changed after it was backed up (its size is now");
        assertThat(ArchiveVerifier.verify(written.archive(), Progress.NONE, Cancellation.none()).intact())
                .as("the archive itself is still sound").isTrue();
    }

    @Test
    void aSameSizeRewriteWhoseModificationTimeWasSetBackIsStillFound() throws IOException {
        Path ini = root.resolve("var/opt/kaspersky/kesl/common/kesl.ini");
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE, Cancellation.none());
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(ini);
        byte[] bytes = Files.readAllBytes(ini);
        bytes[0] ^= 0x20; // same size, one letter's case flipped
        Files.write(ini, bytes);
        Files.setLastModifiedTime(ini, modified); // as touch -d or a restore tool would leave it

        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());

        assertThat(check.problems()).singleElement().asString()
                .startsWith("/var/opt/kaspersky/kesl/common/kesl.ini changed after it was backed up (it was changed at");
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsFound() throws IOException {
        Path ini = root.resolve("var/opt/kaspersky/kesl/common/kesl.ini");
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE, Cancellation.none());
        Path other = ini.resolveSibling("kesl.ini.new");
        Files.copy(ini, other, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(other, ini, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // an editor's save: a new inode

        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());

        assertThat(check.problems()).singleElement().asString().contains("kesl.ini changed after it was backed up");
    }

    @Test
    void aFileWrittenToWhileItIsCopiedIsFound() throws IOException {
        Path log = root.resolve("var/log/kaspersky/kesl/dumps/events.db");
        Progress appendsOnce = new Progress() {
            boolean appended;

            @Override
            public void update(long done, long total, String message) {
                if (!appended && done > 100_000) {
                    appended = true;
                    try {
                        Files.write(log, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, appendsOnce,
                Cancellation.none());

        assertThat(written.changedWhileRead()).containsExactly("/var/log/kaspersky/kesl/dumps/events.db");
        ArchiveCheck check = ReadBack.verify(written, host, Progress.NONE, Cancellation.none());
        assertThat(check.problems()).containsExactly(
                "/var/log/kaspersky/kesl/dumps/events.db changed while it was being backed up");
    }

    @Test
    void cancellingLeavesNoPartialArchive() {
        Cancellation cancel = new Cancellation();
        Progress cancelsHalfway = (done, total, message) -> {
            if (done > 50_000) {
                cancel.cancel();
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackupFixtures.backUp(host, clock, plan, stick, cancelsHalfway, cancel)).isInstanceOf(Cancellation.CancelledException.class);
        assertThat(stick.toFile().list()).isEmpty();
    }

    /** The write and the read-back each run a second thread; a cancel must stop those too, not only the caller. */
    @Test
    void cancellingTheWriteOrTheReadBackLeavesNoThreadOfItsOwnRunning() throws IOException {
        Cancellation cancel = new Cancellation();
        Progress cancelsHalfway = (done, total, message) -> {
            if (done > 50_000) {
                cancel.cancel();
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackupFixtures.backUp(host, clock, plan, stick,
                cancelsHalfway, cancel)).isInstanceOf(Cancellation.CancelledException.class);
        assertThat(backUpThreads()).isEmpty();

        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE, Cancellation.none());
        Cancellation readBack = new Cancellation();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArchiveVerifier.verify(written.archive(),
                (done, total, message) -> {
                    if (done > 50_000) {
                        readBack.cancel();
                    }
                }, readBack)).isInstanceOf(Cancellation.CancelledException.class);
        assertThat(backUpThreads()).isEmpty();
    }

    private static List<String> backUpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.equals("riddance-zip-writer") || n.equals("riddance-write-back")
                        || n.equals("riddance-read-ahead"))
                .toList();
    }

    @Test
    void onlyTheChosenItemsAreWritten() throws IOException {
        WrittenBackup written = BackupFixtures.backUp(host, clock, plan.only(Set.of("kesl/config")), stick, Progress.NONE, Cancellation.none());
        assertThat(written.manifest().entries()).extracting(ManifestEntry::item).containsOnly("kesl/config");
    }

    @Test
    void aFolderGoneSinceThePlanIsRecordedAsNotBackedUp() throws IOException {
        java.nio.file.Path logs = root.resolve("var/log/kaspersky/kesl");
        try (var walk = Files.walk(logs)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        WrittenBackup written = BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE, Cancellation.none());

        assertThat(written.manifest().skipped()).extracting(Manifest.SkippedSource::source, Manifest.SkippedSource::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/var/log/kaspersky/kesl",
                        "the folder is gone since the plan was made"));
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).intact()).isTrue();
    }

    private long sizeOf(String relative) {
        try {
            return Files.size(root.resolve(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
