package org.riddance.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads Windows registry exports ({@code .reg} files from regedit or {@code reg export}) into an
 * {@link InMemoryRegistry}, so a PC can be scanned offline from its export.
 *
 * <p>Both dialects are read: "Windows Registry Editor Version 5.00" (UTF-16LE with a byte-order mark as Windows
 * writes it, or UTF-8 with or without one) and "REGEDIT4" (ANSI, in the PC's code page, which is told from the
 * file's bytes: see {@link AnsiCodePage}). Lines are applied in order like regedit imports them: {@code [key]}
 * creates, {@code [-key]} deletes with subkeys, {@code "name"=-} deletes a value. In quoted names and strings
 * {@code \\} and {@code \"} are unescaped and any other backslash is kept as written. See {@link InMemoryRegistry}
 * for how each value type's data is represented.
 *
 * <p>Two ways to meet a damaged line: {@link #parse} refuses the file at the first one (naming file and line);
 * {@link #read} skips only that line and records it in {@link InMemoryRegistry#unreadable()} with the file, line
 * and key, so one bad value of an unrelated program does not hide the rest of a PC, and the scan, knowing what it
 * could not read, is never reported clean. A file that is not an export at all is refused either way.
 *
 * <p>Linear in every input and at disk speed: the file is decoded as a stream into one reused line buffer, the
 * current key is kept rather than looked up per value, and a string spread over many lines is joined by
 * scanning each line once.
 */
public final class RegFileParser {

    private static final char[] LINE_FEED = {'\n'};

    private final InMemoryRegistry registry;
    private final LineReader lines;
    private final String source;
    private final boolean lenient;
    private final RegValueParser values;
    private RegFormat format;
    /** A line read ahead while looking for the end of an unclosed string; null when there is none. */
    private String lookAhead;
    private int lookAheadNumber;
    /** The line being parsed, {@code line[lineStart, lineEnd)}: the reader's window, or a copy of the looked-ahead one. */
    private char[] line;
    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    /** A value spread over several lines, joined. */
    private char[] joined = new char[256];
    private int joinedLength;
    /** The key values go to; null before the first key line and after a key deletion or a damaged key line. */
    private InMemoryRegistry.Key currentKey;
    /** The path of the last key opened, as written, and the keys along it, one per non-empty name. */
    private char[] openPath = new char[256];
    private int openPathLength;
    private final List<InMemoryRegistry.Key> openChain = new java.util.ArrayList<>();
    private boolean afterKeyDeletion;
    private boolean afterDamagedKey;
    private long charactersScanned;

    private RegFileParser(InMemoryRegistry registry, LineReader lines, String source, boolean lenient) {
        this.registry = registry;
        this.lines = lines;
        this.source = source;
        this.lenient = lenient;
        AnsiCodePage codePage = lines.codePage();
        this.values = new RegValueParser((bytes, length) -> format == RegFormat.VERSION_5
                ? TextEncoding.utf16le(bytes, length) : codePage.decode(bytes, length), registry.names(),
                new NameTable()); // short strings read before (a publisher, an install folder) kept as one String each
    }

    /** Reads a whole export, refusing it at the first damaged line. */
    public static InMemoryRegistry parse(Path file) throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry();
        parseInto(registry, file);
        return registry;
    }

    public static InMemoryRegistry parse(byte[] bytes, String sourceName) throws RegFileException {
        InMemoryRegistry registry = new InMemoryRegistry();
        parseInto(registry, bytes, sourceName);
        return registry;
    }

    /**
     * Reads a whole export for a scan: a damaged line loses only itself (or, for a key line, the values under it)
     * and is listed in {@link InMemoryRegistry#unreadable()}.
     *
     * @throws RegFileException when the file is not a registry export, is cut in the middle of a character, is
     *                          not valid UTF-8 although marked so, or is larger than 2 GB
     */
    public static InMemoryRegistry read(Path file) throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry();
        run(registry, file, true);
        return registry;
    }

    public static InMemoryRegistry read(byte[] bytes, String sourceName) throws RegFileException {
        InMemoryRegistry registry = new InMemoryRegistry();
        try {
            run(registry, new ByteArrayInputStream(bytes), sourceName, ansiCodePage(bytes, bytes.length), true);
        } catch (RegFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return registry;
    }

    /**
     * Applies an export to a registry that may already hold others, as importing several files one after the
     * other would. If the file is bad, the lines before the bad one have been applied.
     */
    public static void parseInto(InMemoryRegistry registry, Path file) throws IOException {
        run(registry, file, false);
    }

    public static void parseInto(InMemoryRegistry registry, byte[] bytes, String sourceName) throws RegFileException {
        try {
            run(registry, new ByteArrayInputStream(bytes), sourceName, ansiCodePage(bytes, bytes.length), false);
        } catch (RegFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Reads the stream to its end; the caller closes it. An ANSI file's code page is told from its first megabyte. */
    public static void parseInto(InMemoryRegistry registry, InputStream in, String sourceName) throws IOException {
        run(registry, in, sourceName, null, false);
    }

    /**
     * How many characters a lenient parse of these bytes reads and scans (each line read, each line scanned for
     * quotes, each joined line): a test proves the parser linear by it, without timing anything.
     */
    static long countCharactersScanned(byte[] bytes) throws IOException {
        RegFileParser parser = new RegFileParser(new InMemoryRegistry(),
                LineReader.open(new ByteArrayInputStream(bytes), "count", null), "count", true);
        parser.run();
        return parser.charactersScanned;
    }

    private static void run(InMemoryRegistry registry, Path file, boolean lenient) throws IOException {
        AnsiCodePage codePage = ansiCodePage(file);
        try (InputStream in = Files.newInputStream(file)) {
            run(registry, in, file.toString(), codePage, lenient);
        }
    }

    private static void run(InMemoryRegistry registry, InputStream in, String sourceName, AnsiCodePage codePage,
                            boolean lenient) throws IOException {
        Objects.requireNonNull(registry, "registry");
        new RegFileParser(registry, LineReader.open(in, sourceName, codePage), sourceName, lenient).run();
    }

    /**
     * The code page of a file that may be ANSI, from all its bytes (a first pass at disk speed, for files only:
     * the one Cyrillic name may be the last line); null for UTF-16 and marked UTF-8, which need none.
     */
    private static AnsiCodePage ansiCodePage(Path file) throws IOException {
        AnsiCodePage.Tally tally = new AnsiCodePage.Tally();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int head = in.readNBytes(buffer, 0, buffer.length);
            if (!TextEncoding.detect(buffer, head).encoding().mayBeAnsi()) {
                return null;
            }
            tally.add(buffer, 0, head);
            for (int n; (n = in.read(buffer)) > 0; ) {
                tally.add(buffer, 0, n);
            }
        }
        return tally.guess();
    }

    private static AnsiCodePage ansiCodePage(byte[] bytes, int length) {
        AnsiCodePage.Tally tally = new AnsiCodePage.Tally();
        tally.add(bytes, 0, length);
        return tally.guess();
    }

    private void run() throws IOException {
        format = header();
        while (nextLine()) {
            int from = start(line, lineStart, lineEnd);
            int to = end(line, from, lineEnd);
            if (from == to || line[from] == ';' || isHeader(line, from, to)) {
                continue; // a repeated header is what concatenating two exports leaves behind
            }
            if (line[from] == '[') {
                keyLine(line, from, to);
            } else {
                value(from, to);
            }
        }
    }

    /** Reads the next line into {@link #line}, the looked-ahead one first; false at the end of the file. */
    private boolean nextLine() throws IOException {
        if (lookAhead != null) {
            line = lookAhead.toCharArray();
            lineStart = 0;
            lineEnd = line.length;
            lineNumber = lookAheadNumber;
            lookAhead = null;
            charactersScanned += lineEnd;
            return true;
        }
        if (!lines.next()) {
            return false;
        }
        line = lines.chars();
        lineStart = lines.start();
        lineEnd = lineStart + lines.length();
        lineNumber = lines.number();
        charactersScanned += lineEnd - lineStart;
        return true;
    }

    /** A value line, possibly spread over the next lines by an open string or by {@code \} continuations. */
    private void value(int from, int to) throws IOException {
        int number = lineNumber;
        charactersScanned += to - from;
        boolean inside = endsInsideQuotes(line, from, to, false);
        if (!inside && line[to - 1] != '\\') {
            valueLine(line, from, to, number);
            return;
        }
        joinedLength = 0;
        append(line, from, to);
        joinOpenString(inside);
        joinContinuations();
        valueLine(joined, 0, joinedLength, number);
    }

    /**
     * regedit writes a REG_SZ whose text holds line breaks as it is, so the quoted data goes on over the next
     * lines. They are joined (with a line feed) until the quote closes. A line that starts a new key or value
     * ends the search instead: the string was simply never closed, which the value parser then reports. Each
     * line is scanned once, carrying whether the text so far ends inside quotes.
     */
    private void joinOpenString(boolean startsInside) throws IOException {
        boolean inside = startsInside;
        while (inside) {
            if (!lines.next()) {
                return;
            }
            char[] next = lines.chars();
            int from = lines.start();
            int to = from + lines.length();
            charactersScanned += to - from;
            int start = from < to && next[from] == '\uFEFF' ? from + 1 : from;
            if (startsEntry(next, start(next, start, to), end(next, start, to))) {
                lookAhead = new String(next, from, to - from);
                lookAheadNumber = lines.number();
                return;
            }
            append(LINE_FEED, 0, 1);
            append(next, start, to);
            charactersScanned += to - start;
            inside = endsInsideQuotes(next, start, to, true);
        }
    }

    /**
     * Whether {@code text[from, to)} ends inside a quoted string, given whether it started inside one. Inside a
     * string, {@code \\} and {@code \"} are escapes; a backslash at the end of a line escapes nothing.
     */
    static boolean endsInsideQuotes(char[] text, int from, int to, boolean startsInside) {
        boolean inside = startsInside;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (inside && c == '\\' && i + 1 < to && (text[i + 1] == '\\' || text[i + 1] == '"')) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    static boolean endsInsideQuotes(CharSequence text) {
        return endsInsideQuotes(text.toString().toCharArray(), 0, text.length(), false);
    }

    /** A key line, a default value or a quoted name followed by {@code =}. */
    private static boolean startsEntry(char[] text, int from, int to) {
        if (startsWith(text, from, to, "[HKEY_") || startsWith(text, from, to, "[-HKEY_") || startsWith(text, from, to, "@=")) {
            return true;
        }
        if (from >= to || text[from] != '"') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (text[i] == '\\' && i + 1 < to) {
                i++;
            } else if (text[i] == '"') {
                return i + 1 < to && text[i + 1] == '=';
            }
        }
        return false;
    }

    /**
     * regedit wraps long hex lists: a line ending in a backslash goes on with the next line, indented by two
     * spaces. A blank line or the end of the file ends the value too.
     */
    private void joinContinuations() throws IOException {
        while (joinedLength > 0 && joined[joinedLength - 1] == '\\') {
            joinedLength--;
            if (!nextLine()) {
                return;
            }
            int from = start(line, lineStart, lineEnd);
            append(line, from, end(line, from, lineEnd));
        }
    }

    private void append(char[] text, int from, int to) {
        int count = to - from;
        if (joinedLength + count > joined.length) {
            joined = Arrays.copyOf(joined, Math.max(joined.length * 2, joinedLength + count));
        }
        System.arraycopy(text, from, joined, joinedLength, count);
        joinedLength += count;
    }

    private RegFormat header() throws IOException {
        if (!lines.next()) {
            throw new RegFileException(source, 1, "not a registry export: the file is empty");
        }
        String header = withoutByteOrderMark(new String(lines.chars(), lines.start(), Math.min(lines.length(), 200)));
        return RegFormat.ofHeader(header).orElseThrow(() -> new RegFileException(source, 1,
                "not a registry export: first line is \"" + printable(header) + "\", expected \""
                        + RegFormat.VERSION_5.header() + "\" or \"" + RegFormat.REGEDIT4.header() + "\""));
    }

    private static boolean isHeader(char[] text, int from, int to) {
        int length = to - from;
        return (length == RegFormat.VERSION_5.header().length() || length == RegFormat.REGEDIT4.header().length())
                && RegFormat.ofHeader(new String(text, from, length)).isPresent();
    }

    /**
     * A key line. An export lists a key's subkeys right after it, so most key lines share all but their last name
     * with the line before: those names are compared as written and their keys kept, and only the rest is split
     * and opened. A line sharing nothing with the one before (the first, a new hive) is read in full.
     */
    private void keyLine(char[] text, int from, int to) throws RegFileException {
        int close = closingBracket(text, from, to);
        if (close < 0 || text[from + 1] == '-') {
            keyLine(new String(text, from, to - from));
            return;
        }
        int pathFrom = from + 1;
        int shared = sharedNames(text, pathFrom, close);
        if (shared == 0) {
            keyLine(new String(text, from, to - from));
            return;
        }
        afterDamagedKey = false;
        while (openChain.size() > shared) {
            openChain.remove(openChain.size() - 1);
        }
        InMemoryRegistry.Key key = openChain.get(shared - 1);
        int seen = 0;
        int start = pathFrom;
        for (int i = pathFrom; i <= close; i++) {
            if (i == close || text[i] == '\\') {
                if (i > start && ++seen > shared) {
                    key = registry.openChild(key, text, start, i);
                    openChain.add(key);
                }
                start = i + 1;
            }
        }
        rememberOpenPath(text, pathFrom, close);
        currentKey = key;
    }

    /** How many non-empty names at the start of {@code text[from, to)} are written exactly as in the open path. */
    private int sharedNames(char[] text, int from, int to) {
        int length = to - from;
        int limit = Math.min(length, openPathLength);
        int common = Arrays.mismatch(text, from, from + limit, openPath, 0, limit); // a vectorised compare
        if (common < 0) {
            common = limit;
        }
        int shared = 0;
        int start = 0;
        for (int i = 0; i <= common; i++) {
            boolean endsHere = i == length || text[from + i] == '\\';
            boolean endsThereToo = i == openPathLength || openPath[i] == '\\';
            if (endsHere || endsThereToo) {
                if (!(endsHere && endsThereToo)) {
                    break;
                }
                if (i > start) {
                    shared++;
                }
                start = i + 1;
            }
        }
        return Math.min(shared, openChain.size());
    }

    private void rememberOpenPath(char[] text, int from, int to) {
        if (to - from > openPath.length) {
            openPath = new char[Math.max(openPath.length * 2, to - from)];
        }
        System.arraycopy(text, from, openPath, 0, to - from);
        openPathLength = to - from;
    }

    /** The key being read, as written in its key line; null when values have no key to go to. */
    private String currentKeyPath() {
        return currentKey == null ? null : new String(openPath, 0, openPathLength);
    }

    private void keyLine(String text) throws RegFileException {
        afterDamagedKey = false;
        int close = closingBracket(text.toCharArray(), 0, text.length());
        if (close < 0) {
            damagedKey("key line does not end with ]: " + printable(text));
            return;
        }
        boolean deletion = text.startsWith("[-");
        String path = text.substring(deletion ? 2 : 1, close);
        List<String> names = RegistryNames.names(path);
        if (names.isEmpty()) {
            damagedKey("key line names no key: " + text);
            return;
        }
        if (RegistryNames.hive(names.get(0)).isEmpty()) {
            damagedKey("key does not start with a registry hive such as HKEY_LOCAL_MACHINE: " + printable(path));
            return;
        }
        if (deletion) {
            registry.deleteKey(path);
            openChain.clear(); // the keys walked so far may be gone
            openPathLength = 0;
            currentKey = null;
            afterKeyDeletion = true;
        } else {
            openChain.clear();
            InMemoryRegistry.Key key = null;
            for (String name : names) {
                key = registry.openChild(key, name);
                openChain.add(key);
            }
            rememberOpenPath(path.toCharArray(), 0, path.length());
            currentKey = key;
        }
    }

    /** The values below a damaged key line are not read: there is no telling which key they belong to. */
    private void damagedKey(String problem) throws RegFileException {
        unreadable(lineNumber, null, null, problem, "the values below it, up to the next key, were not read");
        currentKey = null;
        afterDamagedKey = true;
    }

    /**
     * The ] that closes a key line: the first one followed by nothing or by a ; comment, which regedit allows.
     * Key names may themselves contain ], so it is not simply the first or the last one.
     */
    private static int closingBracket(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == ']') {
                int rest = i + 1;
                while (rest < to && Character.isWhitespace(text[rest])) {
                    rest++;
                }
                if (rest == to || text[rest] == ';') {
                    return i;
                }
            }
        }
        return -1;
    }

    private void valueLine(char[] text, int from, int to, int number) throws RegFileException {
        if (afterDamagedKey) {
            return; // already reported with the key line
        }
        RegValueParser.Entry entry;
        try {
            entry = values.parse(text, from, to);
        } catch (RegValueParser.MalformedValue e) {
            unreadable(number, currentKeyPath(), e.valueName(), e.getMessage(), "this value was not read");
            return;
        }
        if (currentKey == null) {
            unreadable(number, null, entry.name(), afterKeyDeletion
                    ? "value line follows a [-key] deletion, so there is no key to put it in"
                    : "value line before any [key] line", "this value was not read");
            return;
        }
        if (entry.isDeletion()) {
            registry.deleteValue(currentKey, entry.name());
        } else {
            registry.putValue(currentKey, entry.value(), source, number);
        }
    }

    /** Strict: refuses the file. Lenient: records the line, its key and value, and goes on. */
    private void unreadable(int number, String key, String valueName, String problem, String consequence)
            throws RegFileException {
        if (!lenient) {
            throw new RegFileException(source, number, problem);
        }
        registry.noteUnreadable(source + ", line " + number + (key == null ? "" : ", key " + key)
                + (valueName == null ? "" : ", value \"" + valueName + "\"") + ": " + problem + "; " + consequence);
    }

    private static int start(char[] text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text[i]) || text[i] == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static int end(char[] text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text[i - 1])) {
            i--;
        }
        return i;
    }

    private static boolean startsWith(char[] text, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Shortens a line for a message and shows control characters (say, from a binary file) as '?'. */
    private static String printable(String line) {
        String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) || c == '\uFFFD' ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
