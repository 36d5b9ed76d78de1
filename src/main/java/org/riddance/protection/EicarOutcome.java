package org.riddance.protection;

/**
 * How the live EICAR test ended for one product.
 *
 * @param detail   what happened, for the technician and the journal ("clamd: Eicar-Signature FOUND")
 * @param cleanedUp the test file and its folder are gone again
 */
public record EicarOutcome(Result result, String detail, boolean cleanedUp) {

    public enum Result {
        /** The product removed or blocked the file, or its scanner reported it. */
        DETECTED,
        /** The file stayed readable for the whole time limit and no scanner reported it. */
        NOT_DETECTED,
        /** The product offers no way for the test to reach it. */
        NOT_POSSIBLE,
        ERROR,
        CANCELLED,
        NOT_RUN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static final EicarOutcome NOT_RUN = new EicarOutcome(Result.NOT_RUN, "not run", true);

    public boolean detected() {
        return result == Result.DETECTED;
    }
}
