package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

class RestoreTest {

    @TempDir
    Path work;

    @Test
    void restoresEveryEntryWithItsHashChecked() throws IOException {
        Path archive = craft(Map.of("kesl/config/kesl.ini", "[General]\n"), List.of());
        Path target = work.resolve("restored");

        RestoreResult result = Restorer.restore(archive, target, Progress.NONE, Cancellation.none());

        assertThat(result.refused()).isEmpty();
        assertThat(result.files()).isEqualTo(1);
        assertThat(Files.readString(target.resolve("kesl/config/kesl.ini"))).isEqualTo("[General]\n");
    }

    @Test
    void refusesEntriesThatWouldLandOutsideTheTarget() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("kesl/config/kesl.ini", "[General]\n");
        entries.put("../escaped.txt", "zip slip\n");
        entries.put("kesl/../../escaped2.txt", "zip slip\n");
        entries.put("/tmp/absolute.txt", "absolute\n");
        entries.put("C:/Windows/evil.txt", "drive letter\n");
        entries.put("kesl\\..\\..\\backslash.txt", "backslash\n");
        Path archive = craft(entries, List.of());
        Path target = work.resolve("deep/restored");

        RestoreResult result = Restorer.restore(archive, target, Progress.NONE, Cancellation.none());

        assertThat(result.files()).isEqualTo(1);
        assertThat(result.refused()).hasSize(5).allSatisfy(r -> assertThat(r).contains("outside the target"));
        assertThat(work.resolve("escaped.txt")).doesNotExist();
        assertThat(work.resolve("deep/escaped.txt")).doesNotExist();
        assertThat(work.resolve("escaped2.txt")).doesNotExist();
        assertThat(Path.of("/tmp/absolute.txt")).doesNotExist();
        try (var left = Files.walk(work)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("kesl.ini", "crafted.zip");
        }
    }

    @Test
    void refusesLinkEntries() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("kesl/config/kesl.ini", "[General]\n");
        entries.put("kesl/config/passwd", "/etc/passwd");
        Path archive = craft(entries, List.of("kesl/config/passwd"));

        RestoreResult result = Restorer.restore(archive, work.resolve("restored"), Progress.NONE, Cancellation.none());

        assertThat(result.refused()).containsExactly("kesl/config/passwd: refused, it is a link");
        assertThat(work.resolve("restored/kesl/config/passwd")).doesNotExist();
    }

    @Test
    void refusesAnEntryWhoseContentDoesNotMatchTheManifest() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("kesl/config/kesl.ini", "[General]\n");
        Map<String, String> listedAs = Map.of("kesl/config/kesl.ini", "[General]\nUseKSN=No\n");
        Path archive = craft(entries, List.of(), listedAs);

        RestoreResult result = Restorer.restore(archive, work.resolve("restored"), Progress.NONE, Cancellation.none());

        assertThat(result.refused()).containsExactly("kesl/config/kesl.ini: does not match its SHA-256 in the manifest");
        try (var left = Files.walk(work.resolve("restored"))) {
            assertThat(left.filter(Files::isRegularFile)).as("no temporary file is left").isEmpty();
        }
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path archive = craft(Map.of("kesl/config/kesl.ini", "[General]\n"), List.of());
        Path target = Files.createDirectories(work.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> Restorer.restore(archive, target, Progress.NONE, Cancellation.none()))
                .hasMessageContaining("not empty");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
    }

    private Path craft(Map<String, String> entries, List<String> links) throws IOException {
        return craft(entries, links, entries);
    }

    /** A zip written by hand, bypassing the archive writer's own name checks, as an attacker would. */
    private Path craft(Map<String, String> entries, List<String> links, Map<String, String> listedAs)
            throws IOException {
        Path archive = work.resolve("crafted.zip");
        List<ManifestEntry> listed = new ArrayList<>();
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                String listedContent = listedAs.getOrDefault(e.getKey(), e.getValue());
                listed.add(new ManifestEntry(e.getKey(), ManifestEntry.FILE, "/" + e.getKey(), "kesl", "kesl/config",
                        e.getValue().length(), "", HexFormat.of().formatHex(Sha256.digest()
                        .digest(listedContent.getBytes(StandardCharsets.UTF_8)))));
            }
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            zip.write(new Manifest(Manifest.FORMAT, "s", "", "pc", "t", listed, List.of(), List.of()).toJson());
            zip.closeEntry();
        }
        for (String link : links) {
            markAsLink(archive, link);
        }
        return archive;
    }

    /** Sets "made by Unix" and mode 0120777 (a symbolic link) in the entry's central directory record. */
    private static void markAsLink(Path archive, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                bytes[i + 5] = 3;
                int attrs = 0120777 << 16;
                for (int b = 0; b < 4; b++) {
                    bytes[i + 38 + b] = (byte) (attrs >>> (8 * b));
                }
                Files.write(archive, bytes);
                return;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
