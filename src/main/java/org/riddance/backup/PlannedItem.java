package org.riddance.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * One thing worth keeping from one product, as the plan shows it to the technician.
 *
 * @param key        {@code <productId>/<itemId>}, unique within a plan; also the folder inside the archive
 * @param source     what the technician recognises: a folder, a registry key, or the vendor command
 * @param folder     for folders: where it is on this machine (under the sandbox root in a sandbox)
 * @param bytes      size in bytes, -1 when it is only known once made (vendor exports)
 * @param unreadable files in the folder this account cannot read; the technician decides about them
 * @param problem    why the item cannot be backed up (not found, not signed...), or null
 */
public record PlannedItem(String key, String productId, String product, String what, Kind kind, String source,
                          Path folder, String registryKey, List<String> argv, long bytes, int files,
                          List<String> unreadable, String problem) {

    public enum Kind { FOLDER, REGISTRY_KEY, VENDOR_EXPORT, LICENCE_FACTS }

    public PlannedItem {
        argv = argv == null ? List.of() : List.copyOf(argv);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public boolean available() {
        return problem == null;
    }
}
