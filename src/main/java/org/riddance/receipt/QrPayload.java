package org.riddance.receipt;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What the paper receipt's QR code carries, so a scan of the paper is a verifiable receipt.
 * <ul>
 * <li>{@code RDR2:<Base45>} (current): Base45 of {@code kind byte, 64 signature bytes, zlib-deflated canonical JSON},
 * every character in the QR alphanumeric set, as the EU Digital COVID Certificate does it. Kind
 * {@value #FULL} is the whole receipt; kind {@value #SUMMARY} is a signed summary naming the whole receipt's
 * SHA-256, used when the whole receipt would make the code too dense to scan (decision record 0016).</li>
 * <li>{@code RDR1:<signature b64url>:<key fingerprint hex>:<payload b64url>} (receipts printed before): still read.</li>
 * </ul>
 */
public final class QrPayload {

    static final String PREFIX = "RDR2:";
    static final String LEGACY_PREFIX = "RDR1";
    static final byte FULL = 1;
    static final byte SUMMARY = 2;
    /** The receipt reader's limit (issue 14 item 8): no real receipt inflates to more. */
    static final int MAX_PAYLOAD = 1 << 20;
    private static final Pattern LEGACY = Pattern.compile(
            "RDR1:([A-Za-z0-9_-]{80,90}):([0-9a-f]{64}):([A-Za-z0-9_-]+)");

    /** A decoded code: the signed bytes, and whether they are the whole receipt or its summary. */
    public record Scanned(SignedReceipt receipt, boolean summary) {
    }

    private QrPayload() {
    }

    /** The whole receipt, compact. {@code keyFingerprint} is in the payload already; kept for callers. */
    public static String encode(SignedReceipt receipt, String keyFingerprint) {
        return encode(FULL, receipt);
    }

    /** A signed summary (see {@link ReceiptSummary}) in place of the whole receipt. */
    public static String encodeSummary(SignedReceipt summary) {
        return encode(SUMMARY, summary);
    }

    /** The format printed before compact codes; kept so tests can make old receipts. */
    static String encodeLegacy(SignedReceipt receipt, String keyFingerprint) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return LEGACY_PREFIX + ":" + b64.encodeToString(receipt.signature()) + ":" + keyFingerprint + ":"
                + b64.encodeToString(receipt.payload());
    }

    private static String encode(byte kind, SignedReceipt receipt) {
        if (receipt.signature().length != 64) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + receipt.signature().length);
        }
        ByteArrayOutputStream container = new ByteArrayOutputStream(receipt.payload().length);
        container.write(kind);
        container.writeBytes(receipt.signature());
        container.writeBytes(deflate(receipt.payload()));
        return PREFIX + Base45.encode(container.toByteArray());
    }

    /** Empty when the text is not a Riddance receipt code. */
    public static Optional<SignedReceipt> decode(String text) {
        return scan(text).map(Scanned::receipt);
    }

    /** Empty when the text is not a Riddance receipt code, or inflates past {@value #MAX_PAYLOAD} bytes. */
    public static Optional<Scanned> scan(String text) {
        // readers add a line end; Base45 may end in a space, so only line ends are trimmed
        String code = text.replaceAll("^[\\r\\n]+|[\\r\\n]+$", "");
        if (code.startsWith(PREFIX)) {
            return compact(code.substring(PREFIX.length()));
        }
        Matcher m = LEGACY.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            return Optional.of(new Scanned(new SignedReceipt(b64.decode(m.group(3)), b64.decode(m.group(1))), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Scanned> compact(String base45) {
        try {
            byte[] container = Base45.decode(base45);
            if (container.length < 66 || (container[0] != FULL && container[0] != SUMMARY)) {
                return Optional.empty();
            }
            byte[] signature = Arrays.copyOfRange(container, 1, 65);
            byte[] payload = inflate(Arrays.copyOfRange(container, 65, container.length));
            return Optional.of(new Scanned(new SignedReceipt(payload, signature), container[0] == SUMMARY));
        } catch (IllegalArgumentException | DataFormatException e) {
            return Optional.empty();
        }
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@value #MAX_PAYLOAD} bytes: a code is small, but its text may come from anyone. */
    static byte[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("the compressed receipt is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PAYLOAD) {
                    throw new DataFormatException("the receipt inflates past " + MAX_PAYLOAD + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new DataFormatException("bytes after the compressed receipt");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
