package org.riddance.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads the names of entries a zip marks as symbolic links. Java's zip classes do not expose the Unix mode
 * kept in the central directory's external attributes, and a restored link could point anywhere, so this
 * small reader finds them (zip64 archives included).
 */
final class CentralDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ENTRY = 0x02014b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private CentralDirectory() {
    }

    static List<String> links(Path archive) throws IOException {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 22 + 0xFFFF + 20);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new ZipException("not a zip archive (no end of central directory)");
            }
            long count = tail.getShort(eocd + 10) & 0xFFFF;
            long dirSize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
            long dirOffset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
            if ((dirOffset == 0xFFFFFFFFL || count == 0xFFFF) && eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
                ByteBuffer zip64 = read(channel, tail.getLong(eocd - 20 + 8), 56);
                count = zip64.getLong(32);
                dirSize = zip64.getLong(40);
                dirOffset = zip64.getLong(48);
            }
            if (dirSize > Integer.MAX_VALUE || dirOffset + dirSize > size) {
                throw new ZipException("the central directory lies outside the file");
            }
            ByteBuffer dir = read(channel, dirOffset, (int) dirSize);
            List<String> links = new ArrayList<>();
            int at = 0;
            for (long i = 0; i < count; i++) {
                if (at + 46 > dir.limit() || dir.getInt(at) != ENTRY) {
                    throw new ZipException("the central directory is damaged");
                }
                int madeBy = (dir.getShort(at + 4) & 0xFFFF) >> 8;
                int nameLength = dir.getShort(at + 28) & 0xFFFF;
                int extraLength = dir.getShort(at + 30) & 0xFFFF;
                int commentLength = dir.getShort(at + 32) & 0xFFFF;
                int mode = (dir.getInt(at + 38) >>> 16) & S_IFMT;
                if (madeBy == UNIX && mode == S_IFLNK) {
                    byte[] name = new byte[nameLength];
                    dir.get(at + 46, name);
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                at += 46 + nameLength + extraLength + commentLength;
            }
            return links;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("the archive ends early");
            }
        }
        return buffer.flip();
    }
}
