package org.riddance.receipt;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the paper receipt's QR code carries: {@code RDR1:<signature>:<key fingerprint>:<payload>}, signature and
 * payload in unpadded base64url, so a scan of the paper is a complete, verifiable receipt. Plain ASCII, which
 * every QR reader returns unchanged.
 */
public final class QrPayload {

    static final String PREFIX = "RDR1";
    private static final Pattern FORMAT = Pattern.compile(
            "RDR1:([A-Za-z0-9_-]{80,90}):([0-9a-f]{64}):([A-Za-z0-9_-]+)");

    private QrPayload() {
    }

    public static String encode(SignedReceipt receipt, String keyFingerprint) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + ":" + b64.encodeToString(receipt.signature()) + ":" + keyFingerprint + ":"
                + b64.encodeToString(receipt.payload());
    }

    /** Empty when the text is not a Riddance receipt code. */
    public static Optional<SignedReceipt> decode(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            return Optional.of(new SignedReceipt(b64.decode(m.group(3)), b64.decode(m.group(1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
