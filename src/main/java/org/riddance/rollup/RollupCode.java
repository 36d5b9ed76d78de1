package org.riddance.rollup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.riddance.receipt.Base45;
import org.riddance.receipt.SignedReceipt;

/**
 * The roll-up page's QR code: {@code RDO1:} + Base45 of the summary's SHA-256 (32 bytes) and its Ed25519 signature
 * (64 bytes), 149 characters, all in the QR alphanumeric set (as the receipt's {@code RDR2:} code). A summary of a
 * thousand PCs is far too large for a code, so the code binds the paper to the signed {@code .rollup.json}: with that
 * file beside it, {@code verify} checks the hash and the signature.
 */
public final class RollupCode {

    static final String PREFIX = "RDO1:";

    /** What a code holds. */
    public record Scanned(String sha256, byte[] signature) {
    }

    private RollupCode() {
    }

    public static String encode(SignedReceipt summary, String sha256Hex) {
        ByteBuffer bytes = ByteBuffer.allocate(96);
        bytes.put(HexFormat.of().parseHex(sha256Hex)).put(summary.signature());
        return PREFIX + Base45.encode(bytes.array());
    }

    /** Empty when the text is not a roll-up code. */
    public static Optional<Scanned> decode(String text) {
        String code = text.replaceAll("^[\\r\\n]+|[\\r\\n]+$", "");
        if (!code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base45.decode(code.substring(PREFIX.length()));
            if (bytes.length != 96) {
                return Optional.empty();
            }
            return Optional.of(new Scanned(HexFormat.of().formatHex(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 96)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
