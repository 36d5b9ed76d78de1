package org.riddance.rollup;

import java.util.Locale;

/**
 * One row of the office summary: one receipt file as read (or one PC the inventory expected and the folder lacks).
 * Fields a file could not tell are empty strings; {@code productsRemoved} is -1 when not known.
 *
 * @param file         the file, relative to the folder rolled up, with {@code /} separators ("" for a missing PC)
 * @param sha256       the SHA-256 of the file's bytes as read ("" when it could not be read)
 * @param result       the receipt's own result in lower case ({@code pass}, {@code fail}, {@code incomplete}) or ""
 * @param time         when the work ended (UTC, ISO-8601), as the receipt says
 * @param detail       why it is not valid, or what it is; for a person
 * @param superseded   an older receipt of a PC that has a later valid one: listed, not counted
 */
public record RollupEntry(String file, String host, String receiptId, String sha256, Validity validity, String result,
                          String technician, String time, int productsRemoved, String detail, boolean superseded) {

    public RollupEntry {
        file = orEmpty(file);
        host = orEmpty(host);
        receiptId = orEmpty(receiptId);
        sha256 = orEmpty(sha256);
        result = orEmpty(result).toLowerCase(Locale.ROOT);
        technician = orEmpty(technician);
        time = orEmpty(time);
        detail = orEmpty(detail);
    }

    static RollupEntry unreadable(String file, String sha256, String why) {
        return new RollupEntry(file, "", "", sha256, Validity.UNREADABLE, "", "", "", -1, why, false);
    }

    static RollupEntry missing(String host) {
        return new RollupEntry("", host, "", "", Validity.MISSING, "", "", "", -1,
                "on the inventory, but no receipt in the folder names it", false);
    }

    RollupEntry asSuperseded(String byReceipt) {
        return new RollupEntry(file, host, receiptId, sha256, validity, result, technician, time, productsRemoved,
                "an older receipt of this PC; " + byReceipt + " counts", true);
    }

    /** Valid and PASS: the only good answer for a PC. */
    public boolean validPass() {
        return validity == Validity.VALID && result.equals("pass");
    }

    /** Counts towards the office's answer: every row but an older receipt of a PC that has a later one. */
    public boolean counts() {
        return !superseded;
    }

    /** One word or two for the table: {@code PASS}, {@code FAIL}, {@code INCOMPLETE} when valid, else the validity. */
    public String standing() {
        if (validity == Validity.VALID) {
            return result.isEmpty() ? "valid" : result.toUpperCase(Locale.ROOT);
        }
        return validity.words();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
