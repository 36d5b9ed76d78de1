package org.riddance.platform;

/**
 * Parses one value line of a {@code .reg} file, continuation lines already joined:
 * {@code "Name"=data} or {@code @=data} for the default value, where data is {@code "text"},
 * {@code dword:0000000a}, {@code hex:..}, {@code hex(N):..} or {@code -} to delete the value.
 *
 * <p>Works on a range of a character array, the line reader's own buffer, so that a line costs no copies
 * beyond the name and data it holds: hex lists and escaped strings are read into arrays the parser keeps.
 * One parser per file, not shared between threads.
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
        private final String valueName;

        MalformedValue(String message) {
            this(message, null);
        }

        MalformedValue(String message, String valueName) {
            super(message, null, false, false);
            this.valueName = valueName;
        }

        /** The value's name when it could be read, for the warning; null when the line did not get that far. */
        String valueName() {
            return valueName;
        }
    }

    private static final int EXCERPT = 40;
    /** Strings up to this long are looked up in the parse's table of texts: longer ones rarely repeat. */
    private static final int SHARED_TEXT = 64;

    /** Hex digit values by ASCII character, -1 for the rest. */
    private static final byte[] HEX = hexTable();

    private final RegistryData.Text text;
    private final NameTable names;
    private final NameTable texts;
    /** The bytes of the hex list being read. */
    private byte[] bytes = new byte[256];
    /** A quoted string with its escapes undone, {@link #unescapedLength} characters. */
    private char[] unescaped = new char[256];
    private int unescapedLength;

    /**
     * @param text  how strings inside hex values are decoded (UTF-16LE in version 5, the ANSI code page in REGEDIT4)
     * @param names where a value name read before is taken from, rather than copied again
     * @param texts the same for short strings (publishers, folders), which repeat from key to key
     */
    RegValueParser(RegistryData.Text text, NameTable names, NameTable texts) {
        this.text = text;
        this.names = names;
        this.texts = texts;
    }

    /** Parses {@code line[from, to)}, which starts with {@code "} or {@code @} and has no surrounding blanks. */
    Entry parse(char[] line, int from, int to) throws MalformedValue {
        String valueName = "";
        int i;
        if (to > from && line[from] == '@') {
            i = from + 1;
        } else if (to > from && line[from] == '"') {
            int close = plainClose(line, from, to);
            if (close >= 0) {
                valueName = names.name(line, from + 1, close);
                i = close + 1;
            } else {
                i = unescape(line, from, to, "value name");
                valueName = names.name(unescaped, 0, unescapedLength);
            }
        } else {
            throw new MalformedValue("expected a key in [brackets], a \"value\" or @, found " + excerpt(line, from, to));
        }
        i = skipBlanks(line, i, to);
        if (i == to || line[i] != '=') {
            throw new MalformedValue("expected = after the value name, found "
                    + (i == to ? "the end of the line" : excerpt(line, i, to)));
        }
        int data = skipBlanks(line, i + 1, to);
        if (to - data == 1 && line[data] == '-') {
            return new Entry(valueName, null);
        }
        try {
            return new Entry(valueName, value(valueName, line, data, to));
        } catch (MalformedValue e) {
            throw new MalformedValue(e.getMessage() + " in value " + quoted(valueName), valueName);
        }
    }

    private RegistryValue value(String name, char[] line, int from, int to) throws MalformedValue {
        if (from < to && line[from] == '"') {
            if (plainClose(line, from, to) == to - 1) {
                return new RegistryValue(name, RegistryValue.Type.SZ, shared(line, from + 1, to - 1));
            }
            int end = unescape(line, from, to, "string");
            if (end != to) {
                throw new MalformedValue("unexpected text after the closing quote: " + excerpt(line, end, to));
            }
            return new RegistryValue(name, RegistryValue.Type.SZ, shared(unescaped, 0, unescapedLength));
        }
        if (startsWithIgnoreCase(line, from, to, "dword:")) {
            return new RegistryValue(name, RegistryValue.Type.DWORD, dword(line, from + 6, to));
        }
        if (startsWithIgnoreCase(line, from, to, "hex:")) {
            int length = hexBytes(line, from + 4, to); // first: it may give bytes a larger array
            return RegistryData.decode(name, RegistryData.REG_BINARY, bytes, length, text);
        }
        if (startsWithIgnoreCase(line, from, to, "hex(")) {
            int close = indexOf(line, from, to, "):");
            if (close < 0) {
                throw new MalformedValue("expected hex(type): but found " + excerpt(line, from, to));
            }
            long type = hexNumber(line, from + 4, close, "value type in ", from, to);
            int length = hexBytes(line, close + 2, to);
            return RegistryData.decode(name, type, bytes, length, text);
        }
        throw new MalformedValue("unrecognised value data " + excerpt(line, from, to));
    }

    /** A short string as the String read before when there was one (a publisher, a folder); a longer one as new. */
    private String shared(char[] text, int from, int to) {
        return to - from <= SHARED_TEXT ? texts.name(text, from, to) : new String(text, from, to - from);
    }

    /**
     * Reads a quoted string starting at {@code open} into {@link #unescaped}, undoing the escapes {@code \\} and
     * {@code \"}. Any other backslash is kept as it is: hand-written files contain paths with single backslashes.
     *
     * @return the index after the closing quote
     */
    private int unescape(char[] line, int open, int to, String what) throws MalformedValue {
        if (unescaped.length < to - open) {
            unescaped = new char[Math.max(unescaped.length * 2, to - open)];
        }
        char[] out = unescaped;
        int n = 0;
        for (int i = open + 1; i < to; i++) {
            char c = line[i];
            if (c == '"') {
                unescapedLength = n;
                return i + 1;
            }
            if (c == '\\' && i + 1 < to && (line[i + 1] == '\\' || line[i + 1] == '"')) {
                c = line[++i];
            }
            out[n++] = c;
        }
        throw new MalformedValue("unterminated " + what + " (no closing quote): " + excerpt(line, open, to));
    }

    /**
     * Where the string opened at {@code open} closes, when no backslash comes before: the common case, copied
     * once with nothing to undo. -1 when there are escapes to undo or there is no closing quote.
     */
    private static int plainClose(char[] line, int open, int to) {
        for (int i = open + 1; i < to; i++) {
            char c = line[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static long dword(char[] line, int from, int to) throws MalformedValue {
        int start = skipBlanks(line, from, to);
        int end = to;
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        if (end - start > 8) {
            throw new MalformedValue("dword has more than 8 hex digits: " + excerpt(line, start, end));
        }
        return hexNumber(line, start, end, "dword", -1, -1);
    }

    /** The number, or a message naming {@code what} and the text {@code line[contextFrom, contextTo)} if any (made only then). */
    private static long hexNumber(char[] line, int from, int to, String what, int contextFrom, int contextTo)
            throws MalformedValue {
        long number = 0;
        boolean ok = to > from && to - from <= 8;
        for (int i = from; ok && i < to; i++) {
            int digit = hexDigit(line[i]);
            ok = digit >= 0;
            number = number << 4 | Math.max(digit, 0);
        }
        if (!ok) {
            throw new MalformedValue("malformed " + what + (contextFrom < 0 ? "" : excerpt(line, contextFrom, contextTo))
                    + ": " + excerpt(line, from, to) + " is not 1 to 8 hex digits");
        }
        return number;
    }

    /**
     * Comma-separated bytes of one or two hex digits, read into {@link #bytes}; returns how many. Blanks around
     * them and one trailing comma are allowed. Regedit's own {@code xx,xx,xx} is read by table, two digits and a
     * comma at a time; anything else (blanks, one digit, a mistake) by the careful loop after it.
     */
    private int hexBytes(char[] line, int from, int to) throws MalformedValue {
        if (bytes.length < (to - from + 2) / 2) {
            bytes = new byte[Math.max(bytes.length * 2, (to - from + 2) / 2)]; // room for "x,x,x": no check per byte
        }
        byte[] out = bytes;
        byte[] hex = HEX;
        int count = 0;
        int i = from;
        while (i + 1 < to) {
            char high = line[i];
            char low = line[i + 1];
            if ((high | low) >= 128 || (hex[high] | hex[low]) < 0 || i + 2 < to && line[i + 2] != ',') {
                break;
            }
            out[count++] = (byte) (hex[high] << 4 | hex[low]);
            i += 3;
        }
        i = skipBlanks(line, Math.min(i, to), to);
        while (i < to) {
            int start = i;
            int value = 0;
            for (int digit; i < to && (digit = hexDigit(line[i])) >= 0; i++) {
                value = value << 4 | digit;
            }
            int end = skipBlanks(line, i, to);
            if (i == start || i - start > 2 || (end < to && line[end] != ',')) {
                int comma = indexOf(line, start, to, ",");
                throw new MalformedValue("malformed hex byte " + quoted(excerpt(line, start, comma < 0 ? to : comma))
                        + " (byte " + (count + 1) + ")");
            }
            out[count++] = (byte) value;
            i = end == to ? end : skipBlanks(line, end + 1, to);
        }
        return count;
    }

    private static byte[] hexTable() {
        byte[] table = new byte[128];
        for (int c = 0; c < 128; c++) {
            table[c] = (byte) Character.digit(c, 16);
        }
        return table;
    }

    private static int hexDigit(char c) {
        return c < 128 ? HEX[c] : Character.digit(c, 16);
    }

    private static boolean startsWithIgnoreCase(char[] line, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = line[from + k];
            char p = prefix.charAt(k); // a lower-case letter or a sign
            if (c != p && (p < 'a' || p > 'z' || c != p - ('a' - 'A')) && Character.toLowerCase(c) != p) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] line, int from, int to, String what) {
        for (int i = from; i <= to - what.length(); i++) {
            if (startsWithIgnoreCase(line, i, to, what)) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlanks(char[] line, int from, int to) {
        int i = from;
        while (i < to && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String excerpt(char[] line, int from, int to) {
        return to - from <= EXCERPT ? new String(line, from, to - from) : new String(line, from, EXCERPT) + "...";
    }
}
