package org.riddance.backup;

import java.util.regex.Pattern;

/**
 * The rules an entry name must follow to be written or restored: relative, forward slashes, no {@code ..},
 * no drive letter, no characters Windows cannot store. A name breaking them could land outside the restore
 * folder (zip slip), so it is refused, never repaired.
 */
public final class EntryName {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Characters Windows does not allow in a file name, besides the controls below 0x20. */
    private static final String FORBIDDEN = "\\<>:\"|?*";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
        for (int i = 0; i < name.length(); i++) {
            if (forbidden(name.charAt(i))) {
                return "character not allowed in file names";
            }
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
        // a plain loop: this runs for every file of a back-up, tens of thousands of names
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int length = Character.charCount(cp);
            if (cp == '%' || cp == '/' || forbidden(cp)) {
                for (byte b : raw.substring(i, i + length).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += length;
        }
        return out.toString();
    }

    private static boolean forbidden(int cp) {
        return cp < 0x20 || FORBIDDEN.indexOf(cp) >= 0;
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
        StringBuilder safe = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            safe.append(c == '/' || forbidden(c) ? '_' : c);
        }
        String cleaned = safe.toString().trim();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "_";
        }
        return cleaned;
    }
}
