package org.riddance.platform;

import java.util.Arrays;

/**
 * Parses one value line of a {@code .reg} file, continuation lines already joined:
 * {@code "Name"=data} or {@code @=data} for the default value, where data is {@code "text"},
 * {@code dword:0000000a}, {@code hex:..}, {@code hex(N):..} or {@code -} to delete the value.
 */
final class RegValueParser {

    /** A parsed value line: the value to set, or a deletion of the named value when {@code value} is null. */
    record Entry(String name, RegistryValue value) {
        boolean isDeletion() {
            return value == null;
        }
    }

    /** What is wrong with a value line; the parser adds the file name and line number. */
    static final class MalformedValue extends Exception {
        MalformedValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final int EXCERPT = 40;

    private RegValueParser() {
    }

    /** Parses a line that starts with {@code "} or {@code @} and has no surrounding blanks. */
    static Entry parse(String line, RegFormat format) throws MalformedValue {
        StringBuilder name = new StringBuilder();
        int i;
        if (line.startsWith("@")) {
            i = 1;
        } else if (line.startsWith("\"")) {
            i = readQuoted(line, 0, name, "value name");
        } else {
            throw new MalformedValue("expected a key in [brackets], a \"value\" or @, found " + excerpt(line));
        }
        i = skipBlanks(line, i);
        if (i == line.length() || line.charAt(i) != '=') {
            String rest = line.substring(i);
            throw new MalformedValue("expected = after the value name, found "
                    + (rest.isEmpty() ? "the end of the line" : excerpt(rest)));
        }
        String data = line.substring(skipBlanks(line, i + 1));
        String valueName = name.toString();
        if (data.equals("-")) {
            return new Entry(valueName, null);
        }
        try {
            return new Entry(valueName, value(valueName, data, format));
        } catch (MalformedValue e) {
            throw new MalformedValue(e.getMessage() + " in value " + quoted(valueName));
        }
    }

    private static RegistryValue value(String name, String data, RegFormat format) throws MalformedValue {
        if (data.startsWith("\"")) {
            StringBuilder text = new StringBuilder(data.length());
            int end = readQuoted(data, 0, text, "string");
            if (end != data.length()) {
                throw new MalformedValue("unexpected text after the closing quote: " + excerpt(data.substring(end)));
            }
            return new RegistryValue(name, RegistryValue.Type.SZ, text.toString());
        }
        if (data.regionMatches(true, 0, "dword:", 0, 6)) {
            return new RegistryValue(name, RegistryValue.Type.DWORD, dword(data.substring(6)));
        }
        if (data.regionMatches(true, 0, "hex:", 0, 4)) {
            return RegistryData.decode(name, RegistryData.REG_BINARY, hexBytes(data, 4), format::decodeString);
        }
        if (data.regionMatches(true, 0, "hex(", 0, 4)) {
            int close = data.indexOf("):");
            if (close < 0) {
                throw new MalformedValue("expected hex(type): but found " + excerpt(data));
            }
            long type = hexNumber(data.substring(4, close), "value type in " + excerpt(data));
            return RegistryData.decode(name, type, hexBytes(data, close + 2), format::decodeString);
        }
        throw new MalformedValue("unrecognised value data " + excerpt(data));
    }

    /**
     * Reads a quoted string starting at {@code open}, undoing the escapes {@code \\} and {@code \"}. Any other
     * backslash is kept as it is: hand-written files contain paths with single backslashes.
     *
     * @return the index after the closing quote
     */
    private static int readQuoted(String line, int open, StringBuilder out, String what) throws MalformedValue {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '\\' || line.charAt(i + 1) == '"')) {
                c = line.charAt(++i);
            }
            out.append(c);
        }
        throw new MalformedValue("unterminated " + what + " (no closing quote): " + excerpt(line.substring(open)));
    }

    private static long dword(String digits) throws MalformedValue {
        String trimmed = digits.strip();
        if (trimmed.length() > 8) {
            throw new MalformedValue("dword has more than 8 hex digits: " + excerpt(trimmed));
        }
        return hexNumber(trimmed, "dword");
    }

    private static long hexNumber(String digits, String what) throws MalformedValue {
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new MalformedValue("malformed " + what + ": " + excerpt(digits) + " is not 1 to 8 hex digits");
        }
        return Long.parseLong(digits, 16);
    }

    /** Comma-separated bytes of one or two hex digits; blanks around them and one trailing comma are allowed. */
    private static byte[] hexBytes(String data, int from) throws MalformedValue {
        byte[] bytes = new byte[(data.length() - from) / 2 + 1];
        int count = 0;
        int i = skipBlanks(data, from);
        while (i < data.length()) {
            int start = i;
            while (i < data.length() && Character.digit(data.charAt(i), 16) >= 0) {
                i++;
            }
            int end = skipBlanks(data, i);
            if (i == start || i - start > 2 || (end < data.length() && data.charAt(end) != ',')) {
                int comma = data.indexOf(',', start);
                String token = data.substring(start, comma < 0 ? data.length() : comma);
                throw new MalformedValue("malformed hex byte " + quoted(excerpt(token)) + " (byte " + (count + 1) + ")");
            }
            bytes[count++] = (byte) Integer.parseInt(data, start, i, 16);
            i = end == data.length() ? end : skipBlanks(data, end + 1);
        }
        return Arrays.copyOf(bytes, count);
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
