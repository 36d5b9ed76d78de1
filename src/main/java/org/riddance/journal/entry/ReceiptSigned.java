package org.riddance.journal.entry;

/** {@code receipt.signed}: A receipt was signed for this session. */
public record ReceiptSigned(String id, String payloadSha256, String result) implements JournalEntry {

    public static final String TYPE = "receipt.signed";

    public ReceiptSigned {
        id = id == null ? "" : id;
        payloadSha256 = payloadSha256 == null ? "" : payloadSha256;
        result = result == null ? "" : result;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
