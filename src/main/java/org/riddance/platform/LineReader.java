package org.riddance.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the physical lines of a {@code .reg} file in its text encoding and counts them for error messages.
 * Works on bytes rather than through a {@link java.io.Reader} so that a decoding error is reported on the line
 * it is in, and so that UTF-16 keeps unpaired surrogates the way Windows stores them. Lines end at CR LF, LF or CR.
 *
 * <p>Built for speed on exports of hundreds of megabytes. UTF-16 and ANSI text is decoded a read buffer at a
 * time into one character window (UTF-16 as a bulk copy, which needs no compiled loop to be fast) and a line is
 * a range of that window: {@link #chars()} from {@link #start()}, {@link #length()} characters, with no copy and
 * no String made per line. UTF-8 lines are collected as bytes and decoded when whole, so that a line that is not
 * UTF-8 can be read as ANSI on its own.
 */
final class LineReader {

    /** The largest export read; past it the file is refused rather than risking the memory of the machine. */
    static final long MAX_BYTES = 2L << 30;
    /** Characters decoded at a time: few enough to be still in the processor's cache when the lines are read. */
    static final int WINDOW = 1 << 14;

    private final InputStream in;
    private final String source;
    private final TextEncoding encoding;
    private final AnsiCodePage codePage;
    private final char[] ansi;
    private final int unitSize;
    /** UTF-16 and ANSI: decoded a buffer at a time into {@link #window}; UTF-8: line by line. */
    private final boolean windowed;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long bytesBefore;
    private boolean endOfInput;
    /** The decoded text: the current line and what follows it, up to {@link #filled}. */
    private char[] window;
    private int filled;
    /** Where the next line starts in the window. */
    private int scan;
    /** The line last read: its array (the window, or {@link #utf8Line}), start and length. */
    private char[] chars;
    private int start;
    private int length;
    private char[] utf8Line = new char[256];
    private byte[] raw = new byte[256];
    private int rawLength;
    private int number;
    private boolean skipLineFeed;
    private CharsetDecoder utf8;

    private LineReader(InputStream in, String source, byte[] buffer, int limit, TextEncoding.Detected detected,
                       AnsiCodePage codePage) {
        this.in = in;
        this.source = source;
        this.buffer = buffer;
        this.limit = limit;
        this.encoding = detected.encoding();
        this.unitSize = encoding.unitSize();
        this.position = detected.byteOrderMarkLength();
        this.codePage = codePage;
        this.ansi = codePage.table();
        this.windowed = encoding == TextEncoding.UTF_16LE || encoding == TextEncoding.UTF_16BE
                || encoding == TextEncoding.ANSI;
        this.window = new char[windowed ? WINDOW : 0];
        this.chars = windowed ? window : utf8Line;
    }

    /**
     * Starts reading, after looking at the first bytes to tell the encoding. An ANSI file's code page is the one
     * given, or else guessed from the first buffer (up to 1 MB) of the stream.
     */
    static LineReader open(InputStream in, String source, AnsiCodePage knownCodePage) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int limit = 0;
        for (int n; limit < buffer.length && (n = in.read(buffer, limit, buffer.length - limit)) >= 0; ) {
            limit += n;
        }
        TextEncoding.Detected detected = TextEncoding.detect(buffer, limit);
        AnsiCodePage codePage = knownCodePage;
        if (codePage == null) {
            AnsiCodePage.Tally tally = new AnsiCodePage.Tally();
            if (detected.encoding().mayBeAnsi()) {
                tally.add(buffer, 0, limit);
            }
            codePage = tally.guess();
        }
        return new LineReader(in, source, buffer, limit, detected, codePage);
    }

    TextEncoding encoding() {
        return encoding;
    }

    /** The code page ANSI text is read in; only meaningful when {@link TextEncoding#mayBeAnsi()}. */
    AnsiCodePage codePage() {
        return codePage;
    }

    /** Number of the line last read by {@link #next()}, from 1. */
    int number() {
        return number;
    }

    /** The array holding the line last read by {@link #next()}; valid until the next call. */
    char[] chars() {
        return chars;
    }

    /** Where the line last read starts in {@link #chars()}. */
    int start() {
        return start;
    }

    int length() {
        return length;
    }

    /** Reads the next line without its line break; false at the end of the file. */
    boolean next() throws IOException {
        return windowed ? nextInWindow() : nextUtf8();
    }

    /** The next line as a range of the window, which is refilled (keeping the line begun) when it runs out. */
    private boolean nextInWindow() throws IOException {
        if (skipLineFeed) { // the last line ended in a CR at the end of the window
            skipLineFeed = false;
            if (scan == filled && !decodeMore()) {
                return false;
            }
            if (window[scan] == '\n') {
                scan++;
            }
        }
        int i = scan;
        while (true) {
            char[] text = window; // locals, not fields, so the JIT keeps them in registers
            int end = filled;
            while (i < end) {
                char c = text[i];
                if (c <= '\r' && (c == '\n' || c == '\r')) {
                    break;
                }
                i++;
            }
            if (i < end) {
                chars = text;
                start = scan;
                length = i - scan;
                number++;
                if (text[i] == '\r') {
                    skipLineFeed = i + 1 == end;
                    scan = i + 1 < end && text[i + 1] == '\n' ? i + 2 : i + 1;
                } else {
                    scan = i + 1;
                }
                return true;
            }
            int begun = i - scan;
            if (!decodeMore()) {
                if (begun == 0) {
                    return false;
                }
                chars = window;
                start = scan;
                length = begun;
                scan += begun;
                number++;
                return true;
            }
            i = scan + begun;
        }
    }

    /**
     * Moves the line begun at {@link #scan} to the front of the window and decodes more text after it, growing
     * the window for a line longer than it; false when the file has no more.
     */
    private boolean decodeMore() throws IOException {
        int kept = filled - scan;
        System.arraycopy(window, scan, window, 0, kept);
        scan = 0;
        filled = kept;
        if (limit - position < unitSize && !readMore()) {
            return false;
        }
        if (filled == window.length) {
            window = Arrays.copyOf(window, window.length * 2);
        }
        int units = Math.min((limit - position) / unitSize, window.length - filled);
        switch (encoding) {
            case UTF_16LE, UTF_16BE -> ByteBuffer.wrap(buffer, position, units * 2)
                    .order(encoding == TextEncoding.UTF_16LE ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                    .asCharBuffer().get(window, filled, units);
            default -> {
                char[] table = ansi;
                char[] text = window;
                byte[] bytes = buffer;
                for (int k = 0, from = position, to = filled; k < units; k++) {
                    text[to + k] = table[bytes[from + k] & 0xFF];
                }
            }
        }
        position += units * unitSize;
        filled += units;
        return true;
    }

    /** UTF-8 (or ANSI by line): a line's bytes are collected, then decoded once whole. */
    private boolean nextUtf8() throws IOException {
        rawLength = 0;
        while (limit - position >= 1 || readMore()) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int from = position;
            int i = from;
            while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            if (rawLength + (i - from) > raw.length) {
                raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawLength + (i - from)));
            }
            System.arraycopy(buffer, from, raw, rawLength, i - from);
            rawLength += i - from;
            position = i;
            if (i < limit) {
                skipLineFeed = buffer[i] == '\r';
                position++;
                decodeUtf8Line();
                return true;
            }
        }
        if (rawLength == 0) {
            return false;
        }
        decodeUtf8Line();
        return true;
    }

    /** Counts the line and decodes it now that it is whole, so a bad byte is reported on its line. */
    private void decodeUtf8Line() throws RegFileException {
        number++;
        if (utf8Line.length < rawLength) {
            utf8Line = new char[Math.max(utf8Line.length * 2, rawLength)];
        }
        chars = utf8Line;
        start = 0;
        boolean ascii = true;
        for (int i = 0; i < rawLength; i++) {
            if (raw[i] < 0) {
                ascii = false;
                break;
            }
            chars[i] = (char) raw[i];
        }
        length = rawLength;
        if (ascii) {
            return;
        }
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        CharBuffer out = CharBuffer.wrap(chars);
        CoderResult result = utf8.reset().decode(ByteBuffer.wrap(raw, 0, rawLength), out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (!result.isError()) {
            length = out.position();
        } else if (encoding == TextEncoding.UTF_8) {
            throw new RegFileException(source, number,
                    "not valid " + encoding.displayName() + " text although the file starts with a UTF-8 mark");
        } else {
            for (int i = 0; i < rawLength; i++) {
                chars[i] = ansi[raw[i] & 0xFF];
            }
            length = rawLength;
        }
    }

    /** Moves an incomplete unit to the front of the byte buffer and reads more; false at the end of the file. */
    private boolean readMore() throws IOException {
        int left = limit - position;
        bytesBefore += position;
        System.arraycopy(buffer, position, buffer, 0, left);
        position = 0;
        limit = left;
        while (limit < unitSize) {
            int n = endOfInput ? -1 : in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
                if (limit > 0) {
                    throw new RegFileException(source, number + 1,
                            "the file ends in the middle of a " + encoding.displayName() + " character");
                }
                return false;
            }
            limit += n;
            if (bytesBefore + limit > MAX_BYTES) {
                throw new RegFileException(source, number + 1, "the file is larger than 2 GB, the most Riddance "
                        + "reads; export only HKEY_LOCAL_MACHINE\\SOFTWARE and SYSTEM (reg export) and scan those");
            }
        }
        return true;
    }
}
