package org.riddance.work;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 in lower-case hex for short inputs (a key, a journal line), with BouncyCastle's digest. A first digest
 * costs about 40 ms cold either way (BouncyCastle's service registry, or the JDK's provider list); BouncyCastle's is
 * the one a receipt check sets up anyway for Ed25519, so a short command pays it once, not twice. Large data
 * (back-ups) uses the JDK's, which the JIT turns into CPU instructions.
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
