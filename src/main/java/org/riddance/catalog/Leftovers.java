package org.riddance.catalog;

import java.util.List;

/**
 * Where a vendor's products leave things behind: folders and registry keys that remain after an uninstall,
 * or that exist without any installed product.
 */
public record Leftovers(String vendor, List<String> windowsFolders, List<String> windowsRegistryKeys,
                        List<String> linuxFolders, List<String> macFolders) {

    public Leftovers {
        windowsFolders = orEmpty(windowsFolders);
        windowsRegistryKeys = orEmpty(windowsRegistryKeys);
        linuxFolders = orEmpty(linuxFolders);
        macFolders = orEmpty(macFolders);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
