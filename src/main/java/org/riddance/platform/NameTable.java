package org.riddance.platform;

/**
 * The names an export repeats on every key ("DisplayName" 36,000 times in a PC's uninstall list), kept as one
 * String each with its folded form, so a value does not cost a copy of its name and another of the folded name.
 * The parser keeps a second table for short strings (a publisher, an install folder), which repeat too.
 * A fixed table where a newer name takes the place of an older one with the same hash slot: it never grows, and
 * the names that repeat stay in it.
 */
final class NameTable {

    private static final int SIZE = 1 << 12;

    private final String[] names = new String[SIZE];
    /** Each kept name's hash, so a name seen once is not hashed again when the next one lands in its slot. */
    private final int[] hashes = new int[SIZE];
    private final String[] folded = new String[SIZE];

    /** The name {@code text[from, to)}, as the String seen before when there was one. */
    String name(char[] text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text[i]; // String.hashCode's formula, which fold() looks names up by
        }
        int slot = index(hash);
        String kept = names[slot];
        if (kept != null && hashes[slot] == hash && sameText(kept, text, from, to)) {
            return kept;
        }
        String name = new String(text, from, to - from);
        names[slot] = name;
        hashes[slot] = hash;
        folded[slot] = null;
        return name;
    }

    /** {@link RegistryNames#fold}, remembered for a name this table has seen. */
    String fold(String name) {
        int slot = index(name.hashCode());
        if (names[slot] == name || name.equals(names[slot])) {
            if (folded[slot] == null) {
                folded[slot] = RegistryNames.fold(name);
            }
            return folded[slot];
        }
        String fold = RegistryNames.fold(name);
        names[slot] = name;
        hashes[slot] = name.hashCode();
        folded[slot] = fold;
        return fold;
    }

    private static int index(int hash) {
        return (hash ^ hash >>> 16) & (SIZE - 1);
    }

    private static boolean sameText(String kept, char[] text, int from, int to) {
        if (kept.length() != to - from) {
            return false;
        }
        for (int i = 0; i < kept.length(); i++) {
            if (kept.charAt(i) != text[from + i]) {
                return false;
            }
        }
        return true;
    }
}
