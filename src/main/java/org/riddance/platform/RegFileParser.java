package org.riddance.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads Windows registry exports ({@code .reg} files from regedit or {@code reg export}) into an
 * {@link InMemoryRegistry}, so a PC can be scanned offline from its export.
 *
 * <p>Both dialects are read: "Windows Registry Editor Version 5.00" (UTF-16LE with a byte-order mark as Windows
 * writes it, or UTF-8 with or without one) and "REGEDIT4" (windows-1252). Lines are applied in order like regedit
 * imports them: {@code [key]} creates, {@code [-key]} deletes with subkeys, {@code "name"=-} deletes a value.
 * In quoted names and strings {@code \\} and {@code \"} are unescaped and any other backslash is kept as
 * written. See {@link InMemoryRegistry} for how each value type's data is represented.
 *
 * <p>Anything the parser cannot read fully is an error naming the file and line, never skipped: a scan that
 * silently missed a key could wrongly report a PC clean. The file is read as a stream, a line at a time.
 */
public final class RegFileParser {

    private final InMemoryRegistry registry;
    private final LineReader lines;
    private String lookAhead;
    private int lookAheadNumber;
    private int lineNumber;
    private final String source;
    private RegFormat format;
    /** The key values go to; null before the first key line and after a key deletion. */
    private String currentKey;
    private boolean afterKeyDeletion;

    private RegFileParser(InMemoryRegistry registry, LineReader lines, String source) {
        this.registry = registry;
        this.lines = lines;
        this.source = source;
    }

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
     * Applies an export to a registry that may already hold others, as importing several files one after the
     * other would. If the file is bad, the lines before the bad one have been applied.
     */
    public static void parseInto(InMemoryRegistry registry, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            parseInto(registry, in, file.toString());
        }
    }

    public static void parseInto(InMemoryRegistry registry, byte[] bytes, String sourceName) throws RegFileException {
        try {
            parseInto(registry, new ByteArrayInputStream(bytes), sourceName);
        } catch (RegFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Reads the stream to its end; the caller closes it. */
    public static void parseInto(InMemoryRegistry registry, InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(registry, "registry");
        new RegFileParser(registry, LineReader.open(in, sourceName), sourceName).run();
    }

    private void run() throws IOException {
        format = header();
        for (String raw = nextLine(); raw != null; raw = nextLine()) {
            String line = withoutByteOrderMark(raw).strip();
            if (line.isEmpty() || line.startsWith(";") || RegFormat.ofHeader(line).isPresent()) {
                continue; // a repeated header is what concatenating two exports leaves behind
            }
            if (line.startsWith("[")) {
                keyLine(line);
            } else {
                int number = lineNumber;
                valueLine(joinContinuations(joinOpenString(line)), number);
            }
        }
    }

    /** The next line, the looked-ahead one first; {@link #lineNumber} follows it. */
    private String nextLine() throws IOException {
        if (lookAhead != null) {
            String line = lookAhead;
            lineNumber = lookAheadNumber;
            lookAhead = null;
            return line;
        }
        String line = lines.next();
        lineNumber = lines.number();
        return line;
    }

    /**
     * regedit writes a REG_SZ whose text holds line breaks as it is, so the quoted data goes on over the next
     * lines. They are joined (with a line feed) until the quote closes. A line that starts a new key or value
     * ends the search instead: the string was simply never closed, which the value parser then reports.
     */
    private String joinOpenString(String line) throws IOException {
        if (!endsInsideQuotes(line)) {
            return line;
        }
        StringBuilder joined = new StringBuilder(line);
        while (endsInsideQuotes(joined)) {
            String next = lines.next();
            if (next == null) {
                break;
            }
            String candidate = withoutByteOrderMark(next);
            if (startsEntry(candidate.strip())) {
                lookAhead = next;
                lookAheadNumber = lines.number();
                break;
            }
            joined.append('\n').append(candidate);
        }
        return joined.toString();
    }

    static boolean endsInsideQuotes(CharSequence text) {
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inside && c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '"')) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean startsEntry(String line) {
        return line.startsWith("[HKEY_") || line.startsWith("[-HKEY_") || line.startsWith("@=")
                || line.matches("\"(?:[^\"\\\\]|\\\\.)*\"=.*");
    }

    private RegFormat header() throws IOException {
        String first = lines.next();
        if (first == null) {
            throw new RegFileException(source, 1, "not a registry export: the file is empty");
        }
        String header = withoutByteOrderMark(first);
        return RegFormat.ofHeader(header).orElseThrow(() -> new RegFileException(source, 1,
                "not a registry export: first line is \"" + printable(header) + "\", expected \""
                        + RegFormat.VERSION_5.header() + "\" or \"" + RegFormat.REGEDIT4.header() + "\""));
    }

    private void keyLine(String line) throws RegFileException {
        int close = closingBracket(line);
        if (close < 0) {
            throw error(lineNumber, "key line does not end with ]: " + printable(line));
        }
        boolean deletion = line.startsWith("[-");
        String path = line.substring(deletion ? 2 : 1, close);
        List<String> names = RegistryNames.names(path);
        if (names.isEmpty()) {
            throw error(lineNumber, "key line names no key: " + line);
        }
        if (RegistryNames.hive(names.get(0)).isEmpty()) {
            throw error(lineNumber, "key does not start with a registry hive such as HKEY_LOCAL_MACHINE: "
                    + printable(path));
        }
        if (deletion) {
            registry.deleteKey(path);
            currentKey = null;
            afterKeyDeletion = true;
        } else {
            registry.createKey(path);
            currentKey = path;
        }
    }

    /**
     * The ] that closes a key line: the first one followed by nothing or by a ; comment, which regedit allows.
     * Key names may themselves contain ], so it is not simply the first or the last one.
     */
    private static int closingBracket(String line) {
        for (int i = line.indexOf(']'); i >= 0; i = line.indexOf(']', i + 1)) {
            String rest = line.substring(i + 1).strip();
            if (rest.isEmpty() || rest.startsWith(";")) {
                return i;
            }
        }
        return -1;
    }

    private void valueLine(String line, int number) throws RegFileException {
        RegValueParser.Entry entry;
        try {
            entry = RegValueParser.parse(line, format);
        } catch (RegValueParser.MalformedValue e) {
            throw error(number, e.getMessage());
        }
        if (currentKey == null) {
            throw error(number, afterKeyDeletion
                    ? "value line follows a [-key] deletion, so there is no key to put it in"
                    : "value line before any [key] line");
        }
        if (entry.isDeletion()) {
            registry.deleteValue(currentKey, entry.name());
        } else {
            registry.putValue(currentKey, entry.value());
        }
    }

    /**
     * regedit wraps long hex lists: a line ending in a backslash goes on with the next line, indented by two
     * spaces. A blank line or the end of the file ends the value too.
     */
    private String joinContinuations(String line) throws IOException {
        if (!line.endsWith("\\")) {
            return line;
        }
        StringBuilder joined = new StringBuilder(line.length() * 4);
        String part = line;
        while (part.endsWith("\\")) {
            joined.append(part, 0, part.length() - 1);
            String next = nextLine();
            if (next == null) {
                return joined.toString();
            }
            part = next.strip();
        }
        return joined.append(part).toString();
    }

    private RegFileException error(int line, String problem) {
        return new RegFileException(source, line, problem);
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
