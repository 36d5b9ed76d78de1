package org.riddance.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * Reads the physical lines of a {@code .reg} file in its text encoding and counts them for error messages.
 * Works on bytes rather than through a {@link java.io.Reader} so that a decoding error is reported on the line
 * it is in, and so that UTF-16 keeps unpaired surrogates the way Windows stores them. Lines end at CR LF, LF or CR.
 */
final class LineReader {

    private static final int HEAD = 64;

    private final InputStream in;
    private final String source;
    private final TextEncoding encoding;
    private final int unitSize;
    private final byte[] buffer;
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private int number;
    private boolean skipLineFeed;

    private LineReader(InputStream in, String source, byte[] buffer, int limit) {
        this.in = in;
        this.source = source;
        this.buffer = buffer;
        this.limit = limit;
        TextEncoding.Detected detected = TextEncoding.detect(buffer, limit);
        this.encoding = detected.encoding();
        this.unitSize = encoding.unitSize();
        this.position = detected.byteOrderMarkLength();
    }

    /** Starts reading, after looking at the first bytes to tell the encoding. */
    static LineReader open(InputStream in, String source) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int limit = 0;
        for (int n; limit < HEAD && (n = in.read(buffer, limit, buffer.length - limit)) >= 0; ) {
            limit += n;
        }
        return new LineReader(in, source, buffer, limit);
    }

    TextEncoding encoding() {
        return encoding;
    }

    /** Number of the line last returned by {@link #next()}, from 1. */
    int number() {
        return number;
    }

    /** The next line without its line break, or null at the end of the file. */
    String next() throws IOException {
        lineLength = 0;
        while (hasUnit() || refill()) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (unitAt(position) == '\n') {
                    position += unitSize;
                    continue;
                }
            }
            int end = lineBreakFrom(position);
            append(position, end);
            position = end;
            if (hasUnit()) {
                skipLineFeed = unitAt(position) == '\r';
                position += unitSize;
                return decodeLine();
            }
        }
        return lineLength == 0 ? null : decodeLine();
    }

    private String decodeLine() throws RegFileException {
        number++;
        try {
            return encoding.decode(line, lineLength);
        } catch (CharacterCodingException e) {
            throw new RegFileException(source, number,
                    "not valid " + encoding.displayName() + " text although the file starts with a UTF-8 mark");
        }
    }

    private boolean hasUnit() {
        return limit - position >= unitSize;
    }

    /** Index of the first CR or LF unit at or after {@code from}, or of the first incomplete unit. */
    private int lineBreakFrom(int from) {
        int i = from;
        while (limit - i >= unitSize) {
            int unit = unitAt(i);
            if (unit == '\n' || unit == '\r') {
                return i;
            }
            i += unitSize;
        }
        return i;
    }

    private int unitAt(int i) {
        return switch (encoding) {
            case UTF_16LE -> (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8;
            case UTF_16BE -> (buffer[i] & 0xFF) << 8 | (buffer[i + 1] & 0xFF);
            default -> buffer[i] & 0xFF;
        };
    }

    private void append(int from, int to) {
        int count = to - from;
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(buffer, from, line, lineLength, count);
        lineLength += count;
    }

    /** Moves an incomplete unit to the front and reads more; false at the end of the file. */
    private boolean refill() throws IOException {
        int left = limit - position;
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
        }
        return true;
    }
}
