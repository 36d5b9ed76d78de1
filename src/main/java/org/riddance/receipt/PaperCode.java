package org.riddance.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.riddance.work.JsonValues;

/**
 * Chooses what the printed QR code holds: the whole signed receipt in the compact form while the code stays at
 * most {@value #MAX_MODULES} modules wide, else a signed summary naming the whole receipt's hash (decision record
 * 0016). At 4/150 inch a module, a {@value #MAX_MODULES}-module code measured readable by zbarimg from a 150 dpi
 * scan blurred, rotated 2° and noised as a cheap scanner does, and from a 72 dpi rendering.
 */
public final class PaperCode {

    /** Version 25 at level M: 117 modules, about 79 mm on paper; up to about 12 typical findings. */
    public static final int MAX_MODULES = 117;

    private PaperCode() {
    }

    /** The text for the page's QR code; signs a summary with {@code key} when the whole receipt is too large. */
    public static String forPaper(SignedReceipt receipt, SigningKey key) {
        String whole = QrPayload.encode(receipt, key.fingerprint());
        if (fits(whole)) {
            return whole;
        }
        return QrPayload.encodeSummary(SignedReceipt.sign(ReceiptSummary.of(parse(receipt.payload()), receipt.payload()), key));
    }

    static boolean fits(String text) {
        try {
            return QrCodes.modules(text) <= MAX_MODULES;
        } catch (IllegalArgumentException tooLarge) {
            return false;
        }
    }

    static Map<String, Object> parse(byte[] canonical) {
        try {
            return JsonValues.object(canonical);
        } catch (IOException e) {
            throw new UncheckedIOException("a receipt just signed is JSON", e);
        }
    }
}
