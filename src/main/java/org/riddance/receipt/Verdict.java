package org.riddance.receipt;

/** The answer to "is this receipt genuine?", with the reason a person can act on. */
public record Verdict(Reason reason, String detail, String keyFingerprint) {

    public enum Reason {
        VALID("valid"),
        CHANGED_CONTENT("invalid: the content was changed after signing"),
        BAD_SIGNATURE("invalid: the signature does not match"),
        UNKNOWN_KEY("not verified: signed by an unknown key"),
        PRINT_MISMATCH("invalid: what is printed does not match what is signed"),
        SWAPPED_QR("invalid: the QR code belongs to another receipt"),
        UNREADABLE("not verified: the receipt could not be read");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public boolean valid() {
        return reason == Reason.VALID;
    }

    @Override
    public String toString() {
        if (reason == Reason.UNKNOWN_KEY) {
            return reason.text() + " " + keyFingerprint + ". Trust it only if your office issued it: "
                    + "riddance trust add KEY.pem, with the key from your office, not one that came with the receipt.";
        }
        return reason.text() + (detail.isEmpty() ? "" : " (" + DisplayText.escape(detail) + ")");
    }
}
