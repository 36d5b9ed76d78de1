package org.riddance.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
 * <p>Built for speed on exports of hundreds of megabytes: each line is decoded straight from the read buffer
 * into one reused character array ({@link #chars()}), with no String made per line.
 */
final class LineReader {

    /** The largest export read; past it the file is refused rather than risking the memory of the machine. */
    static final long MAX_BYTES = 2L << 30;

    private final InputStream in;
    private final String source;
    private final TextEncoding encoding;
    private final AnsiCodePage codePage;
    private final char[] ansi;
    private final int unitSize;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long bytesBefore;
    private char[] chars = new char[256];
    private int length;
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

    /** The characters of the line last read; valid until the next call to {@link #next()}. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** Reads the next line without its line break; false at the end of the file. */
    boolean next() throws IOException {
        length = 0;
        rawLength = 0;
        while (hasUnit() || refill()) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (unitAt(position) == '\n') {
                    position += unitSize;
                    continue;
                }
            }
            position = takeUntilBreak(position);
            if (hasUnit()) {
                skipLineFeed = unitAt(position) == '\r';
                position += unitSize;
                finishLine();
                return true;
            }
        }
        if (length == 0 && rawLength == 0) {
            return false;
        }
        finishLine();
        return true;
    }

    /**
     * Decodes (UTF-16, ANSI) or collects (UTF-8) the units from {@code from} up to the first CR or LF or the
     * first incomplete unit, and returns that index.
     */
    private int takeUntilBreak(int from) {
        int i = from;
        switch (encoding) {
            case UTF_16LE -> { // the hot loop of a parse: locals, not fields, so the JIT keeps them in registers
                ensureChars((limit - i) / 2);
                char[] out = chars;
                byte[] in = buffer;
                int n = length;
                int end = limit - 1;
                while (i < end) {
                    char c = (char) ((in[i] & 0xFF) | (in[i + 1] & 0xFF) << 8);
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    out[n++] = c;
                    i += 2;
                }
                length = n;
            }
            case UTF_16BE -> {
                ensureChars((limit - i) / 2);
                while (limit - i >= 2) {
                    char c = (char) ((buffer[i] & 0xFF) << 8 | (buffer[i + 1] & 0xFF));
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    chars[length++] = c;
                    i += 2;
                }
            }
            case ANSI -> {
                ensureChars(limit - i);
                while (i < limit) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        break;
                    }
                    chars[length++] = ansi[b & 0xFF];
                    i++;
                }
            }
            case UTF_8, UTF_8_OR_ANSI -> {
                int start = i;
                while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
                    i++;
                }
                if (rawLength + (i - start) > raw.length) {
                    raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawLength + (i - start)));
                }
                System.arraycopy(buffer, start, raw, rawLength, i - start);
                rawLength += i - start;
            }
        }
        return i;
    }

    private void ensureChars(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    /** Counts the line; a UTF-8 line is decoded now that it is whole, so a bad byte is reported on its line. */
    private void finishLine() throws RegFileException {
        number++;
        if (encoding != TextEncoding.UTF_8 && encoding != TextEncoding.UTF_8_OR_ANSI) {
            return;
        }
        ensureChars(rawLength);
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

    private boolean hasUnit() {
        return limit - position >= unitSize;
    }

    private int unitAt(int i) {
        return switch (encoding) {
            case UTF_16LE -> (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8;
            case UTF_16BE -> (buffer[i] & 0xFF) << 8 | (buffer[i + 1] & 0xFF);
            default -> buffer[i] & 0xFF;
        };
    }

    /** Moves an incomplete unit to the front and reads more; false at the end of the file. */
    private boolean refill() throws IOException {
        int left = limit - position;
        bytesBefore += position;
        System.arraycopy(buffer, position, buffer, 0, left);
        position = 0;
        limit = left;
        while (limit < unitSize) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
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
