package org.riddance.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A Windows registry hive file (regf: {@code Windows\System32\config\SOFTWARE}, {@code SYSTEM}, {@code NTUSER.DAT})
 * read in place. The file is mapped, not loaded: only the cells a lookup touches are read, so a hive of hundreds
 * of megabytes costs what the scan looks at. Nothing is written.
 *
 * <p>Layout, as documented in the format specification of libregf and hivex ({@code docs/decisions/0012}): a
 * 4096-byte base block ("regf", sequence numbers, root cell offset), then hive bins ("hbin") holding cells. A cell
 * is a signed 32-bit size (negative when in use) and its data; cell offsets count from the first bin. Keys are
 * "nk" cells, their subkey lists "lf", "lh", "li" or "ri" (a list of lists), values "vk" cells, and data longer than
 * 16344 bytes a "db" cell listing its segments.
 *
 * <p>Every offset is checked against the file; a damaged cell throws {@link Damaged}, which the caller turns into
 * "this key could not be read" rather than a wrong answer.
 */
final class HiveFile {

    /** A cell that points outside the file, has the wrong signature or sizes that do not fit. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    static final int BASE_BLOCK = 4096;
    private static final int BIG_DATA_SEGMENT = 16344;
    private static final int KEY_COMPRESSED_NAME = 0x0020;
    private static final int VALUE_COMPRESSED_NAME = 0x0001;

    private final ByteBuffer bytes;
    private final Path file;
    private final int rootKey;
    private final int minorVersion;
    private final List<String> warnings = new ArrayList<>();

    private HiveFile(ByteBuffer bytes, Path file) throws IOException {
        this.bytes = bytes.order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
        if (bytes.limit() < BASE_BLOCK + 32 || bytes.getInt(0) != 0x66676572) { // "regf"
            throw new IOException(file + ": not a registry hive (no \"regf\" signature)");
        }
        if (bytes.getInt(20) != 1) {
            throw new IOException(file + ": registry hive format " + bytes.getInt(20) + "." + bytes.getInt(24)
                    + " is not one Riddance reads (1.x)");
        }
        minorVersion = bytes.getInt(24);
        rootKey = bytes.getInt(36);
        if (bytes.getInt(4) != bytes.getInt(8)) {
            warnings.add(file + ": the hive was not closed cleanly (its sequence numbers differ) and its transaction"
                    + " logs (.LOG1, .LOG2) are not applied, so its latest changes may be missing");
        }
        int checksum = 0;
        for (int i = 0; i < 508; i += 4) {
            checksum ^= bytes.getInt(i);
        }
        if (checksum != bytes.getInt(508)) {
            warnings.add(file + ": the hive's header checksum is wrong; the hive may be damaged");
        }
        checkKey(rootKey);
    }

    /** Maps the file; refuses files over 2 GB (the most a mapping holds) and files that are not hives. */
    static HiveFile open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + ": the hive is larger than 2 GB, the most Riddance reads");
            }
            return new HiveFile(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), file);
        } catch (Damaged e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** For tests: a hive held in memory. */
    static HiveFile of(byte[] hive, Path name) throws IOException {
        try {
            return new HiveFile(ByteBuffer.wrap(hive), name);
        } catch (Damaged e) {
            throw new IOException(name + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return bytes.limit();
    }

    /** What is wrong with the hive as a whole (not closed cleanly, bad checksum); empty for a sound hive. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The root key's cell offset. */
    int root() {
        return rootKey;
    }

    String keyName(int key) {
        int at = checkKey(key);
        int length = u16(at + 72);
        return name(at + 76, length, (u16(at + 2) & KEY_COMPRESSED_NAME) != 0, key);
    }

    /** The subkey of {@code key} with this name (compared as Windows does, ignoring case), or -1. */
    int subkey(int key, String name) {
        String wanted = RegistryNames.fold(name);
        int[] found = {-1};
        forEachSubkey(key, child -> {
            if (found[0] < 0 && RegistryNames.fold(keyName(child)).equals(wanted)) {
                found[0] = child;
            }
        });
        return found[0];
    }

    /** The subkeys' cell offsets, in the order the hive lists them (Windows keeps them sorted by name). */
    List<Integer> subkeys(int key) {
        List<Integer> children = new ArrayList<>();
        forEachSubkey(key, children::add);
        return children;
    }

    /** The key's values, in the order the hive lists them. */
    List<RegistryValue> values(int key) {
        int at = checkKey(key);
        int count = bytes.getInt(at + 36);
        if (count == 0) {
            return List.of();
        }
        int list = cell(bytes.getInt(at + 40), (long) count * 4, "value list");
        List<RegistryValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(value(bytes.getInt(list + 4 * i)));
        }
        return values;
    }

    private void forEachSubkey(int key, IntConsumer action) {
        int at = checkKey(key);
        if (bytes.getInt(at + 20) == 0) {
            return;
        }
        subkeyList(bytes.getInt(at + 28), action, 0);
    }

    private void subkeyList(int offset, IntConsumer action, int depth) {
        int at = cell(offset, 4, "subkey list");
        int signature = u16(at);
        int count = u16(at + 2);
        switch (signature) {
            case 0x666C, 0x686C -> { // "lf", "lh": offset and hint pairs
                cell(offset, 4 + 8L * count, "subkey list");
                for (int i = 0; i < count; i++) {
                    action.accept(bytes.getInt(at + 4 + 8 * i));
                }
            }
            case 0x696C -> { // "li": offsets
                cell(offset, 4 + 4L * count, "subkey list");
                for (int i = 0; i < count; i++) {
                    action.accept(bytes.getInt(at + 4 + 4 * i));
                }
            }
            case 0x6972 -> { // "ri": offsets of other lists, one level deep
                if (depth > 0) {
                    throw new Damaged("an index of subkey lists (ri) inside another at offset " + offset);
                }
                cell(offset, 4 + 4L * count, "subkey list");
                for (int i = 0; i < count; i++) {
                    subkeyList(bytes.getInt(at + 4 + 4 * i), action, depth + 1);
                }
            }
            default -> throw new Damaged("subkey list at offset " + offset + " has no lf, lh, li or ri signature");
        }
    }

    private RegistryValue value(int offset) {
        int at = cell(offset, 20, "value");
        if (u16(at) != 0x6B76) { // "vk"
            throw new Damaged("value at offset " + offset + " has no vk signature");
        }
        int nameLength = u16(at + 2);
        cell(offset, 20L + nameLength, "value");
        String name = nameLength == 0 ? "" : name(at + 20, nameLength, (u16(at + 16) & VALUE_COMPRESSED_NAME) != 0, offset);
        int size = bytes.getInt(at + 4);
        int type = bytes.getInt(at + 12);
        byte[] data;
        if (size < 0) { // small data sits in the offset field itself
            data = copy(at + 8, Math.min(size & 0x7FFFFFFF, 4));
        } else if (size > BIG_DATA_SEGMENT && minorVersion >= 4 && isBigData(bytes.getInt(at + 8))) {
            data = bigData(bytes.getInt(at + 8), size);
        } else {
            data = copy(cell(bytes.getInt(at + 8), size, "value data of \"" + name + "\""), size);
        }
        return RegistryData.decode(name, Integer.toUnsignedLong(type), data, RegistryData::utf16);
    }

    private boolean isBigData(int offset) {
        int at = cell(offset, 8, "value data");
        return u16(at) == 0x6264; // "db"
    }

    private byte[] bigData(int offset, int size) {
        int at = cell(offset, 8, "big value data");
        int segments = u16(at + 2);
        int list = cell(bytes.getInt(at + 4), 4L * segments, "big value segment list");
        byte[] data = new byte[size];
        int filled = 0;
        for (int i = 0; i < segments && filled < size; i++) {
            int length = Math.min(BIG_DATA_SEGMENT, size - filled);
            int segment = cell(bytes.getInt(list + 4 * i), length, "big value segment");
            bytes.get(segment, data, filled, length);
            filled += length;
        }
        if (filled < size) {
            throw new Damaged("big value at offset " + offset + " has " + filled + " of its " + size + " bytes");
        }
        return data;
    }

    private int checkKey(int offset) {
        int at = cell(offset, 76, "key");
        if (u16(at) != 0x6B6E) { // "nk"
            throw new Damaged("key at offset " + offset + " has no nk signature");
        }
        cell(offset, 76L + u16(at + 72), "key");
        return at;
    }

    /**
     * The position of a cell's data in the file, after checking that the cell lies in the file and holds at least
     * {@code needed} bytes.
     */
    private int cell(int offset, long needed, String what) {
        long start = (long) BASE_BLOCK + Integer.toUnsignedLong(offset);
        if (offset < 0 || start + 4 > bytes.limit()) {
            throw new Damaged(what + " at offset " + offset + " lies outside the file");
        }
        int size = bytes.getInt((int) start);
        long length = Math.abs((long) size) - 4;
        if (length < needed || start + 4 + length > bytes.limit()) {
            throw new Damaged(what + " at offset " + offset + " is cut short (" + Math.max(length, 0)
                    + " bytes, needs " + needed + ")");
        }
        return (int) start + 4;
    }

    private String name(int at, int length, boolean compressed, int offset) {
        if (compressed) {
            return new String(copy(at, length), StandardCharsets.ISO_8859_1);
        }
        if (length % 2 != 0) {
            throw new Damaged("name at offset " + offset + " has an odd length for UTF-16");
        }
        return TextEncoding.utf16le(copy(at, length), length);
    }

    private byte[] copy(int at, int length) {
        byte[] out = new byte[length];
        bytes.get(at, out);
        return out;
    }

    private int u16(int at) {
        return bytes.getShort(at) & 0xFFFF;
    }
}
