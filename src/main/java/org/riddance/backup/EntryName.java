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

    /**
     * A file's own name, written so any zip tool and any OS can hold it: characters Windows cannot store, control
     * characters and {@code %} itself become {@code %XX} (UTF-8 bytes, as in a URI), so nothing is lost. The
     * manifest keeps the name as it was, which restore uses where the OS can hold it.
     */
    public static String encodeSegment(String raw) {
        if (raw.equals(".") || raw.equals("..")) {
            return raw.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '%' || cp == '/' || FORBIDDEN.matcher(ch).matches()) {
                for (byte b : ch.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.append(ch);
            }
        });
        return out.toString();
    }

    /** @return why a file's original name cannot be restored as it is, or null when it can (one name, no folder) */
    public static String segmentProblem(String raw) {
        if (raw.isEmpty() || raw.equals(".") || raw.equals("..")) {
            return "empty or dot name";
        }
        if (raw.indexOf('/') >= 0 || raw.indexOf('\0') >= 0) {
            return "slash or NUL in name";
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
