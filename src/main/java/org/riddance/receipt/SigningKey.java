package org.riddance.receipt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.riddance.work.Sha256Hex;

/** The technician's Ed25519 key pair, opened from the keystore. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    /** SHA-256 of the SubjectPublicKeyInfo, in lower-case hex: printed on every receipt. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        return Sha256Hex.of(key.getEncoded());
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
