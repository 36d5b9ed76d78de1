package org.riddance.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * @param refused entries not restored and why (unsafe names, links, hashes that do not match)
 */
public record RestoreResult(Path target, int files, long bytes, List<String> refused) {

    public RestoreResult {
        refused = List.copyOf(refused);
    }

    public boolean complete() {
        return refused.isEmpty();
    }
}
