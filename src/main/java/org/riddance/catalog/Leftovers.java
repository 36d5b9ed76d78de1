package org.riddance.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a vendor's products leave things behind: folders and registry keys that remain after an uninstall,
 * or that exist without any installed product.
 *
 * @param windowsFolderGlobs folders whose last part carries a build and so is a glob
 *                           ({@code C:\Windows\System32\drivers\K4W-*})
 */
public record Leftovers(String vendor, List<String> windowsFolders, List<String> windowsRegistryKeys,
                        List<String> linuxFolders, List<String> macFolders, List<String> windowsFolderGlobs) {

    public Leftovers {
        windowsFolders = orEmpty(windowsFolders);
        windowsRegistryKeys = orEmpty(windowsRegistryKeys);
        linuxFolders = orEmpty(linuxFolders);
        macFolders = orEmpty(macFolders);
        windowsFolderGlobs = orEmpty(windowsFolderGlobs);
    }

    /** True when a Windows path lies inside one of the vendor's folders: a service image there is the vendor's. */
    public boolean holdsWindowsPath(String windowsPath) {
        String path = windowsPath.toLowerCase(Locale.ROOT).replace('/', '\\');
        for (String folder : windowsFolders) {
            if (path.startsWith(folder.toLowerCase(Locale.ROOT) + "\\")) {
                return true;
            }
        }
        for (String glob : windowsFolderGlobs) {
            if (globRegex(glob).matcher(path).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The glob's folder as a regex for a path prefix: {@code *} stays within one folder name. */
    public static Pattern globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? "[^\\\\]*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.append("\\\\").toString());
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
