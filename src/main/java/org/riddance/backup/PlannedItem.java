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
 * @param paths      for {@link Kind#FILES}: the files, as system paths ({@code /etc/opt/kaspersky/kesl.conf})
 * @param covers     what removal may delete once this item is in a verified archive: a
 *                   {@link Manifest.Covered} kind and source, or null when the item only keeps something
 */
public record PlannedItem(String key, String productId, String product, String what, Kind kind, String source,
                          Path folder, String registryKey, List<String> argv, long bytes, int files,
                          List<String> unreadable, String problem, List<String> paths, Manifest.Covered covers) {

    /** {@code FILES}: single files a package database names (its configuration files and the ones changed). */
    public enum Kind { FOLDER, REGISTRY_KEY, VENDOR_EXPORT, LICENCE_FACTS, FILES }

    public PlannedItem {
        argv = argv == null ? List.of() : List.copyOf(argv);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public PlannedItem(String key, String productId, String product, String what, Kind kind, String source,
                       Path folder, String registryKey, List<String> argv, long bytes, int files,
                       List<String> unreadable, String problem) {
        this(key, productId, product, what, kind, source, folder, registryKey, argv, bytes, files, unreadable, problem,
                List.of(), defaultCover(productId, key, kind, source, registryKey));
    }

    /** A folder or registry key in the plan is whole, so removal may delete it once it is archived. */
    private static Manifest.Covered defaultCover(String productId, String key, Kind kind, String source,
                                                 String registryKey) {
        return switch (kind) {
            case FOLDER -> source == null ? null : new Manifest.Covered(productId, key, Manifest.Covered.FOLDER, source);
            case REGISTRY_KEY -> registryKey == null ? null
                    : new Manifest.Covered(productId, key, Manifest.Covered.REGISTRY_KEY, registryKey);
            default -> null;
        };
    }

    public boolean available() {
        return problem == null;
    }
}
