package org.riddance.receipt;

/** The answer to "is this receipt genuine?", with the reason a person can act on. */
public record Verdict(Reason reason, String detail, String keyFingerprint) {

    public enum Reason {
        VALID("valid"),
        CHANGED_CONTENT("invalid: the content was changed after signing"),
        BAD_SIGNATURE("invalid: the signature does not match"),
        UNKNOWN_KEY("not verified: signed by a key you do not trust"),
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
        return reason.text() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
