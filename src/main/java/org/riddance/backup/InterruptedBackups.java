package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Archives a killed or crashed back-up left half-written in a destination. They are only ever
 * {@code riddance-backup-*.zip.partial} files, never a finished archive, so removing them loses nothing.
 */
public final class InterruptedBackups {

    private InterruptedBackups() {
    }

    public static List<Path> in(Path destination) throws IOException {
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

    public static void remove(List<Path> partials) throws IOException {
        for (Path partial : partials) {
            Files.deleteIfExists(partial);
        }
    }
}
