package org.riddance.receipt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The technician's Ed25519 key pair, opened from the keystore. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    /** SHA-256 of the SubjectPublicKeyInfo, in lower-case hex: printed on every receipt. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    /** With BouncyCastle's SHA-256, which needs no provider set-up: a {@code verify} asks for it at its start. */
    public static String fingerprint(PublicKey key) {
        byte[] encoded = key.getEncoded();
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(encoded, 0, encoded.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        return HexFormat.of().formatHex(digest);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
