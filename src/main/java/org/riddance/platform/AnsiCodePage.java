package org.riddance.platform;

import java.nio.charset.Charset;

/**
 * The ANSI code page a REGEDIT4 (or unmarked Notepad) file was written in. Such a file says nothing about it:
 * regedit writes the PC's own code page, so an export from a Russian-locale PC is windows-1251 and one from a
 * Polish or Czech PC windows-1250. Read as windows-1252, "Лаборатория Касперского" becomes "Ëàáîðàòîðèÿ
 * Êàñïåðñêîãî" and no rule matches it, so the code page is guessed from the file's own bytes ({@link Tally}).
 */
enum AnsiCodePage {

    WINDOWS_1250("windows-1250", "ąćęłńśźżčďěňřšťůžáéíóúýäöüôőűăâîşţĺľŕ"),
    WINDOWS_1251("windows-1251", ""),
    WINDOWS_1252("windows-1252", "àâäçèéêëîïôöùûüÿœßáíóúñãõåæøìòý");

    private final String charsetName;
    private final char[] table;
    private final boolean[] common = new boolean[256];

    AnsiCodePage(String charsetName, String commonLetters) {
        this.charsetName = charsetName;
        this.table = table(charsetName);
        for (int b = 0x80; b < 256; b++) {
            common[b] = commonLetters.indexOf(Character.toLowerCase(table[b])) >= 0;
        }
    }

    String charsetName() {
        return charsetName;
    }

    /** Byte to character, as Windows decodes it (the few unassigned bytes map to the same-numbered C1 control). */
    char[] table() {
        return table;
    }

    String decode(byte[] bytes, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = table[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    private static char[] table(String charsetName) {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        char[] table = new String(all, Charset.forName(charsetName)).toCharArray();
        for (int i = 0; i < table.length; i++) {
            if (table[i] == '\uFFFD') {
                table[i] = (char) i;
            }
        }
        return table;
    }

    /**
     * Counts, over a file's bytes, what tells the three code pages apart. Russian words are written wholly in
     * bytes above 0x7F (Cyrillic has no ASCII letters), while Western and Central European words mix ASCII letters
     * with a few accented ones; between those two, each accented byte votes for the code page in which it is a
     * letter common in that page's languages (ł, ś, ž, ř in windows-1250; à, ß, ñ, ø in windows-1252).
     * Linear, one pass, no allocation: a 2 GB file can be tallied at disk speed.
     */
    static final class Tally {

        private static final boolean[] LETTER = letters();

        private long highInPureWords;
        private long highInMixedWords;
        private long votes1250;
        private long votes1252;
        private int wordHigh;
        private boolean wordHasAscii;

        void add(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xFF;
                if (b >= 0x80 && LETTER[b]) {
                    wordHigh++;
                    if (WINDOWS_1250.common[b]) {
                        votes1250++;
                    }
                    if (WINDOWS_1252.common[b]) {
                        votes1252++;
                    }
                } else if (b < 0x80 && (b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
                    wordHasAscii = true;
                } else {
                    endWord();
                }
            }
        }

        private void endWord() {
            if (wordHasAscii) {
                highInMixedWords += wordHigh;
            } else {
                highInPureWords += wordHigh;
            }
            wordHigh = 0;
            wordHasAscii = false;
        }

        /** windows-1252 when nothing tells otherwise: the code page of English and Western European Windows. */
        AnsiCodePage guess() {
            endWord();
            if (highInPureWords + highInMixedWords == 0) {
                return WINDOWS_1252;
            }
            if (highInPureWords > highInMixedWords) {
                return WINDOWS_1251;
            }
            return votes1250 > votes1252 ? WINDOWS_1250 : WINDOWS_1252;
        }

        /** Bytes above 0x7F that are a letter in at least one of the three code pages. */
        private static boolean[] letters() {
            boolean[] letter = new boolean[256];
            for (AnsiCodePage page : values()) {
                for (int b = 0x80; b < 256; b++) {
                    letter[b] |= Character.isLetter(page.table[b]);
                }
            }
            return letter;
        }
    }
}
