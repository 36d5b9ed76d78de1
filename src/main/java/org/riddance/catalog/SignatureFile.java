package org.riddance.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An Ed25519 signature file as catalogs and receipts keep them: the 64 signature bytes, raw or base64 (what
 * {@code openssl base64} makes of them, line ends and all).
 */
public final class SignatureFile {

    public static final int SIGNATURE_BYTES = 64;

    private SignatureFile() {
    }

    /** The 64 signature bytes in {@code content}, or empty when it is neither form. */
    public static Optional<byte[]> decode(byte[] content) {
        if (content.length == SIGNATURE_BYTES) {
            return Optional.of(content);
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            return decoded.length == SIGNATURE_BYTES ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
