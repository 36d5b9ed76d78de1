package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.catalog.CatalogLoader;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * Issue 14's file faults, injected for real in a sandbox root: planted symbolic links, a FIFO, a file that
 * vanishes between listing and copying, a Linux name with a backslash, a back-up aimed inside a product folder,
 * a truncated archive and an oversized manifest. Each asserts that nothing outside the root was read or changed.
 */
class SafeFileWorkTest {

    @TempDir
    Path root;
    @TempDir
    Path outside;
    @TempDir
    Path stick;
    @TempDir
    Path restored;
    Host host;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void sandbox() throws IOException {
        BackupFixtures.keslData(root);
        Files.writeString(outside.resolve("secret.txt"), "a file of this PC, outside the sandbox root\n");
        Files.createDirectories(outside.resolve("home"));
        Files.writeString(outside.resolve("home/notes.txt"), "someone's notes\n");
        host = Hosts.sandbox(root);
    }

    /** Links planted inside a product folder lead nowhere: listed as skipped, their targets neither read nor copied. */
    @Test
    void linksInsideAProductFolderAreListedAsSkippedAndNeverFollowed() throws IOException {
        Path logs = root.resolve("var/log/kaspersky/kesl");
        Files.createSymbolicLink(logs.resolve("secret.log"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(logs.resolve("home"), outside.resolve("home"));
        Map<String, String> before = tree(outside);

        WrittenBackup written = backUp(plan());

        assertThat(written.manifest().entries()).extracting(ManifestEntry::source)
                .noneMatch(s -> s.contains("secret") || s.contains("home"));
        assertThat(written.manifest().skipped()).extracting(Manifest.SkippedSource::source, Manifest.SkippedSource::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("/var/log/kaspersky/kesl/secret.log",
                        "a link to " + outside.resolve("secret.txt") + ", not followed"));
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).intact()).isTrue();
        assertThat(tree(outside)).isEqualTo(before);
    }

    /** A link on the way to a product folder (its parent swapped for a link out of the root) keeps the folder out. */
    @Test
    void aFolderReachedThroughALinkOutOfTheRootIsRefused() throws IOException {
        Path vendor = root.resolve("var/log/kaspersky");
        deleteTree(vendor);
        Files.createDirectories(outside.resolve("kesl-elsewhere/kesl"));
        Files.writeString(outside.resolve("kesl-elsewhere/kesl/private.log"), "not the sandbox's\n");
        Files.createSymbolicLink(vendor, outside.resolve("kesl-elsewhere"));

        BackupPlan plan = plan();

        assertThat(plan.items()).filteredOn(i -> i.key().equals("kesl/logs")).singleElement()
                .satisfies(i -> assertThat(i.problem()).contains("leads outside"));
        WrittenBackup written = backUp(plan);
        assertThat(written.manifest().entries()).extracting(ManifestEntry::source).noneMatch(s -> s.contains("private"));
    }

    @Test
    void aFifoIsListedAsSkippedAndTheBackUpGoesOn() throws Exception {
        Path fifo = root.resolve("var/log/kaspersky/kesl/events.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo (coreutils)");

        WrittenBackup written = backUp(plan());

        assertThat(written.manifest().skipped()).extracting(Manifest.SkippedSource::source, Manifest.SkippedSource::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("/var/log/kaspersky/kesl/events.pipe",
                        "a FIFO (named pipe), not a regular file"));
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).intact()).isTrue();
    }

    /** The log is rotated away after the folder was listed and before it is copied: recorded, and the rest is kept. */
    @Test
    void aFileThatVanishesBetweenListingAndCopyingIsRecordedAndTheBackUpGoesOn() throws IOException {
        Path log = root.resolve("var/log/kaspersky/kesl/kesl.log");
        Progress rotatesTheLog = (done, total, message) -> {
            if (message != null && message.endsWith("/var/log/kaspersky/kesl/kesl.log")) {
                try {
                    Files.move(log, log.resolveSibling("kesl.log.1.gz.tmp-elsewhere"));
                    Files.move(log.resolveSibling("kesl.log.1.gz.tmp-elsewhere"), outside.resolve("rotated.log"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        BackupPlan plan = plan();
        BackupWriter writer = new BackupWriter(host, clock, "test");

        WrittenBackup written = writer.write(plan, writer.archiveIn(stick), "s1", rotatesTheLog, Cancellation.none());

        assertThat(written.manifest().skipped()).extracting(Manifest.SkippedSource::source)
                .contains("/var/log/kaspersky/kesl/kesl.log");
        assertThat(written.manifest().skipped()).filteredOn(s -> s.source().endsWith("kesl.log")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("vanished"));
        assertThat(written.manifest().entries()).extracting(ManifestEntry::path).contains("kesl/logs/dumps/events.db");
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).intact()).isTrue();
    }

    /** {@code a\b.log} is one name on Linux: the zip stores it encoded, verify finds it, restore gives it back exactly. */
    @Test
    void aLinuxNameWithABackslashVerifiesAndRestoresExactly() throws IOException {
        Path odd = root.resolve("var/log/kaspersky/kesl/scan\\2026:12.log");
        Files.writeString(odd, "a name Windows could not hold\n");

        WrittenBackup written = backUp(plan());

        assertThat(written.manifest().entries()).extracting(ManifestEntry::path).contains("kesl/logs/scan%5C2026%3A12.log");
        assertThat(ReadBack.verify(written, host, Progress.NONE, Cancellation.none()).problems()).isEmpty();
        RestoreResult result = Restorer.restore(written.archive(), restored.resolve("out"), Progress.NONE, Cancellation.none());
        assertThat(result.refused()).isEmpty();
        assertThat(restored.resolve("out/kesl/logs/scan\\2026:12.log")).hasContent("a name Windows could not hold");
    }

    /** A back-up written inside a folder removal deletes would be deleted with it: refused before writing. */
    @Test
    void aDestinationInsideAFolderRemovalDeletesIsRefused() throws IOException {
        Path inside = Files.createDirectories(root.resolve("var/opt/kaspersky/kesl/backups"));
        Files.createSymbolicLink(stick.resolve("via-link"), inside);
        BackupPlan plan = plan();
        BackupWriter writer = new BackupWriter(host, clock, "test");

        for (Path destination : List.of(inside, stick.resolve("via-link"))) {
            assertThatThrownBy(() -> writer.write(plan, writer.archiveIn(destination), "s1", Progress.NONE,
                    Cancellation.none())).isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.NO_DESTINATION);
                        assertThat(e.getMessage()).contains("/var/opt/kaspersky/kesl", "which removal deletes");
                    });
        }
        try (Stream<Path> left = Files.list(inside)) {
            assertThat(left).isEmpty();
        }
    }

    /** The vendor's own folder is deleted by the leftover sweep once its products are gone: no back-up goes there. */
    @Test
    void aDestinationInsideTheVendorsLeftoverFolderIsRefused() throws IOException {
        Path vendorFolder = Files.createDirectories(root.resolve("opt/kaspersky/backups"));
        BackupPlan plan = plan();
        BackupWriter writer = new BackupWriter(host, clock, "test");

        assertThatThrownBy(() -> writer.write(plan, writer.archiveIn(vendorFolder), "s1", Progress.NONE,
                Cancellation.none())).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackupException.Reason.NO_DESTINATION);
                    assertThat(e.getMessage()).contains(root.resolve("opt/kaspersky").toString(), "which removal deletes");
                });
    }

    /** A copy cut off half-way: the message says what happened and what to do, not "Unexpected end of ZLIB input stream". */
    @Test
    void aTruncatedArchiveIsNamedAsCutShortWithWhatToDo() throws IOException {
        WrittenBackup written = backUp(plan());
        try (RandomAccessFile file = new RandomAccessFile(written.archive().toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        ArchiveCheck check = ArchiveVerifier.verify(written.archive(), Progress.NONE, Cancellation.none());

        assertThat(check.intact()).isFalse();
        assertThat(String.join("\n", check.problems())).contains("cut short", "Copy it again", "make a new back-up")
                .doesNotContain("Unexpected end of ZLIB");
        assertThatThrownBy(() -> Restorer.restore(written.archive(), restored.resolve("out"), Progress.NONE,
                Cancellation.none())).hasMessageContaining("cut short or damaged").hasMessageContaining("Nothing was restored");
    }

    /** A manifest larger than any real one is refused by size before it is parsed, with a message that says so. */
    @Test
    void anOversizedManifestIsRefusedByItsSize() throws IOException {
        Path archive = stick.resolve("huge-manifest.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= Manifest.MAX_BYTES >> 20; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }

        ArchiveCheck check = ArchiveVerifier.verify(archive, Progress.NONE, Cancellation.none());

        assertThat(check.intact()).isFalse();
        assertThat(String.join("\n", check.problems())).contains("manifest.json is larger than 64 MB");
        assertThatThrownBy(() -> Restorer.restore(archive, restored.resolve("out"), Progress.NONE, Cancellation.none()))
                .hasMessageContaining("more than the 64 MB");
    }

    private BackupPlan plan() {
        return new BackupPlanner(host, CatalogLoader.builtIn()).plan(List.of(BackupFixtures.kesl()), Progress.NONE,
                Cancellation.none());
    }

    private WrittenBackup backUp(BackupPlan plan) throws IOException {
        return BackupFixtures.backUp(host, clock, plan, stick, Progress.NONE, Cancellation.none());
    }

    /** Every file under a folder with its content: what "nothing changed" is checked against. */
    static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(folder.relativize(p).toString(), Hashes.sha256(p));
                } else if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(folder.relativize(p) + "/", "");
                }
            }
        }
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
