package org.riddance.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading an archive back found.
 *
 * @param sha256   the whole archive file's SHA-256, as the journal and the receipt carry it
 * @param bytes    the archive file's size
 * @param entries  the number of file entries (the manifest not counted)
 * @param problems what does not match, in words; empty when the archive is intact
 */
public record ArchiveCheck(Path archive, boolean intact, String sha256, long bytes, int entries, List<String> problems,
                           Manifest manifest) {

    public ArchiveCheck {
        problems = List.copyOf(problems);
    }
}
