package org.riddance.work;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 in lower-case hex for short inputs (a key, a journal line), with BouncyCastle's digest: the JDK's needs its
 * provider list set up first, about 30 ms of a short command's start. Large data (back-ups) uses the JDK's, which the
 * JIT turns into CPU instructions.
 */
public final class Sha256Hex {

    private Sha256Hex() {
    }

    public static String of(byte[] bytes) {
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(bytes, 0, bytes.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        return HexFormat.of().formatHex(digest);
    }
}
