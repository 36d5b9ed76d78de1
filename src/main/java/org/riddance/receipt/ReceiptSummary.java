package org.riddance.receipt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the QR code carries when the whole receipt would not scan reliably from paper: the facts printed at the
 * top of the page, the products counted by outcome, and the SHA-256 of the whole receipt's canonical bytes, signed
 * by the same key. The paper then proves who signed which receipt; the file proves every line of it.
 */
public final class ReceiptSummary {

    public static final String FORMAT = "riddance-receipt-summary";
    public static final int VERSION = 1;

    private ReceiptSummary() {
    }

    /** The summary of a receipt, from the receipt's own payload map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Map<String, Object> receipt, byte[] canonicalReceipt) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", FORMAT);
        summary.put("v", VERSION);
        summary.put("id", receipt.get("id"));
        Map<String, Object> machine = (Map<String, Object>) receipt.getOrDefault("machine", Map.of());
        summary.put("machine", ReceiptPayload.ordered("host", machine.getOrDefault("host", "")));
        summary.put("result", receipt.get("result"));
        Map<String, Object> outcomes = new TreeMap<>();
        for (Object product : (Iterable<Object>) receipt.getOrDefault("products", java.util.List.of())) {
            Object outcome = ((Map<String, Object>) product).get("outcome");
            outcomes.merge(String.valueOf(outcome), 1L, (a, b) -> (Long) a + (Long) b);
        }
        summary.put("outcomes", outcomes);
        summary.put("end", receipt.get("end"));
        if (Boolean.TRUE.equals(receipt.get("demo"))) {
            summary.put("demo", true);
        }
        summary.put("receipt", ReceiptIssuer.sha256(canonicalReceipt));
        summary.put(ReceiptPayload.KEY, receipt.get(ReceiptPayload.KEY));
        return summary;
    }

    public static boolean isSummary(Map<String, Object> payload) {
        return FORMAT.equals(payload.get("format"));
    }
}
