package org.riddance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.work.Cancellation;

class LeftoverSweepTest {

    @Test
    void countsFilesAndFoldersAndNeverFollowsALink(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("opt/kaspersky");
        Path outside = Files.createDirectories(dir.resolve("outside/deep"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(outside.resolve("f" + i), "x");
        }
        Files.createDirectories(tree.resolve("kesl/bin"));
        Files.createDirectories(tree.resolve("kesl/lib/empty"));
        Files.writeString(tree.resolve("kesl/bin/kesl"), "stand-in");
        Files.writeString(tree.resolve("kesl/lib/libkesl.so"), "stand-in");
        Files.writeString(tree.resolve("top-level-file"), "stand-in");
        Files.createSymbolicLink(tree.resolve("kesl/link-to-outside"), dir.resolve("outside"));

        LeftoverSweep.Summary summary = LeftoverSweep.summarise(tree, Cancellation.none());

        assertThat(summary.folders()).as("kaspersky, kesl, bin, lib, empty").isEqualTo(5);
        assertThat(summary.files()).as("three files and the link itself, never what it points to").isEqualTo(4);
        assertThat(summary.unreadable()).isZero();
        assertThat(summary.describe()).isEqualTo("4 files in 5 folders");
        assertThat(summary.files() + summary.folders()).isEqualTo(countByStattingEverything(tree));
    }

    @Test
    void theLinkCountShortcutAgreesWithStattingEveryEntryOnAWideTree(@TempDir Path dir) throws IOException {
        for (int d = 0; d < 30; d++) {
            Path sub = Files.createDirectories(dir.resolve("d" + d + "/inner" + (d % 3)));
            for (int f = 0; f < 40; f++) {
                Files.writeString((f % 2 == 0 ? sub : sub.getParent()).resolve("f" + f), "x");
            }
        }
        LeftoverSweep.Summary summary = LeftoverSweep.summarise(dir, Cancellation.none());

        assertThat(summary.files()).isEqualTo(1200);
        assertThat(summary.files() + summary.folders()).isEqualTo(countByStattingEverything(dir));
    }

    private static long countByStattingEverything(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.count();
        }
    }
}
