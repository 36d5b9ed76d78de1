package org.riddance.protection;

/** A product's verdict: PASS, FAIL, or UNVERIFIED when a fact could not be read and no live test proved it. */
public enum Status {
    PASS, FAIL, UNVERIFIED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
