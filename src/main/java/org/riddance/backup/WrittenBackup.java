package org.riddance.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * An archive as the write pass left it, before it is read back.
 *
 * @param changedWhileRead sources whose size or modification time moved while they were being copied
 * @param ownerOnly        false when the destination's file system cannot restrict access (FAT, exFAT)
 */
public record WrittenBackup(Path archive, Manifest manifest, long bytes, List<String> changedWhileRead,
                            boolean ownerOnly) {

    public WrittenBackup {
        changedWhileRead = List.copyOf(changedWhileRead);
    }
}
