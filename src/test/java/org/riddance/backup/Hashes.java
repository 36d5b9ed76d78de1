package org.riddance.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Test helpers that look at an archive's bytes directly, independently of the code under test. */
final class Hashes {

    private Hashes() {
    }

    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(Sha256.digest().digest(Files.readAllBytes(file)));
    }

    /** Where an entry's data starts: after its local file header, found by scanning for it. */
    static long dataOffset(Path archive, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + wanted.length < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                int nameLength = u16(bytes, i + 26);
                int extraLength = u16(bytes, i + 28);
                if (nameLength == wanted.length && java.util.Arrays.equals(bytes, i + 30, i + 30 + nameLength,
                        wanted, 0, wanted.length)) {
                    return i + 30L + nameLength + extraLength;
                }
            }
        }
        throw new IllegalArgumentException("No entry " + name + " in " + archive);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
