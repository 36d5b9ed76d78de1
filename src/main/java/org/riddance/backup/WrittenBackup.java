package org.riddance.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An archive as the write pass left it, before it is read back.
 *
 * @param changedWhileRead sources whose size or modification time moved while they were being copied
 * @param sources          every other copied file as it was right after its copy, for the read-back
 * @param ownerOnly        false when the destination's file system cannot restrict access (FAT, exFAT)
 */
public record WrittenBackup(Path archive, Manifest manifest, long bytes, List<String> changedWhileRead,
                            Map<String, SourceState> sources, boolean ownerOnly) {

    public WrittenBackup {
        changedWhileRead = List.copyOf(changedWhileRead);
        sources = Map.copyOf(sources);
    }
}
