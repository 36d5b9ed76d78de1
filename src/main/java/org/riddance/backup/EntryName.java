package org.riddance.backup;

import java.util.regex.Pattern;

/**
 * The rules an entry name must follow to be written or restored: relative, forward slashes, no {@code ..},
 * no drive letter, no characters Windows cannot store. A name breaking them could land outside the restore
 * folder (zip slip), so it is refused, never repaired.
 */
public final class EntryName {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\<>:\"|?*\\x00-\\x1f]");

    private EntryName() {
    }

    /** @return why the name is unsafe, or null when it is safe */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/")) {
            return "absolute path";
        }
        if (DRIVE.matcher(name).matches()) {
            return "drive letter";
        }
        if (name.indexOf('\\') >= 0) {
            return "backslash in name";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return "'..' in path";
            }
            if (part.isEmpty() && !name.endsWith("/")) {
                return "empty path segment";
            }
        }
        if (FORBIDDEN.matcher(name).find()) {
            return "character not allowed in file names";
        }
        return null;
    }

    /** One path segment made safe for a name Riddance writes itself (registry key names, product ids). */
    public static String segment(String raw) {
        String cleaned = FORBIDDEN.matcher(raw.replace('/', '_')).replaceAll("_").trim();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "_";
        }
        return cleaned;
    }
}
