package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * For the fault tests: the partial archives a killed or crashed back-up left in a destination. Riddance itself finds
 * an interrupted back-up through the journal ({@code BackupRecords.interrupted}), never by listing files.
 */
final class InterruptedBackups {

    private InterruptedBackups() {
    }

    static List<Path> in(Path destination) throws IOException {
        if (!Files.isDirectory(destination)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("riddance-backup-") && name.endsWith(".zip" + BackupWriter.PARTIAL)
                        && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    static void remove(List<Path> partials) throws IOException {
        for (Path partial : partials) {
            Files.deleteIfExists(partial);
        }
    }
}
