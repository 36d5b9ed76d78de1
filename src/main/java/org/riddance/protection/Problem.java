package org.riddance.protection;

/** One rule a product failed or could not be checked against, with what the technician should do. */
public record Problem(Kind kind, String message, String advice) {

    public enum Kind {
        BANNED, STALE, DISABLED, REAL_TIME_OFF, DEFINITIONS_OLD, UNVERIFIED, EICAR_MISSED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Unverified facts do not fail a product on their own: the live test can still prove it works. */
        public boolean fails() {
            return this != UNVERIFIED;
        }
    }
}
