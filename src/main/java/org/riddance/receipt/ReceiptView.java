package org.riddance.receipt;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the printed receipt shows, already formatted for display by the caller. The renderer only lays
 * it out; it never formats dates, sizes or hashes itself, so the PDF says exactly what the signed payload says.
 *
 * @param headline       one sentence under the result, e.g. "All banned products removed; replacement antivirus verified"
 * @param started        display time, e.g. "2026-11-23 14:02 UTC"
 * @param backup         e.g. "riddance-backup-….zip, 14.2 MB, SHA-256 3f2a…" or "Waived: &lt;reason&gt;"
 * @param antivirus      e.g. "Microsoft Defender: on, real-time on, definitions 0 days old, EICAR blocked"
 * @param citations      short references, e.g. "US DHS BOD 17-01 (2017-09-13)"
 * @param catalog        e.g. "2026.11.23, sha256 95a8…"
 * @param keyFingerprint SHA-256 of the signing public key, 64 hex characters
 * @param qrText         the whole signed payload as opaque printable ASCII; the QR code holds exactly this
 * @param verifyHint     at most {@value #MAX_VERIFY_HINT_LINES} lines telling a reader how to verify
 * @param demo           a receipt of the demo sandbox: watermarked DEMO on every page
 * @param managedBy      the management servers the PC reported to, with the warning that goes with them; empty when none
 * @param waiverInFull   the waiver reason whole, when page one had room for only its start; printed after the
 *                       products on pages of its own; empty when {@code backup} shows it whole
 */
public record ReceiptView(String receiptId, Outcome result, String headline,
                          String hostname, String os, String serial,
                          String technicianName, String technicianId, String site, String ticket,
                          String started, String finished,
                          List<ProductLine> products, String backup, String antivirus, List<String> citations,
                          String catalog, String appVersion, String keyFingerprint,
                          String qrText, List<String> verifyHint, boolean demo, String notes, String managedBy,
                          String waiverInFull) {

    /** The longest QR text the page has room for: a version 40 code at level M holds 2,331 bytes. */
    public static final int MAX_QR_TEXT = 2_300;
    public static final int MAX_VERIFY_HINT_LINES = 2;

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");

    /** How the job ended, shown as the coloured banner. */
    public enum Outcome { PASS, FAIL, INCOMPLETE }

    /** One banned product and what happened to it; {@code outcome} is display text, e.g. "Removed". */
    public record ProductLine(String name, String version, String category, String outcome) {
        public ProductLine {
            name = Objects.requireNonNull(name, "name");
            version = orEmpty(version);
            category = orEmpty(category);
            outcome = orEmpty(outcome);
        }
    }

    public ReceiptView {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(qrText, "qrText");
        headline = orEmpty(headline);
        notes = orEmpty(notes);
        managedBy = orEmpty(managedBy);
        waiverInFull = orEmpty(waiverInFull);
        hostname = orEmpty(hostname);
        os = orEmpty(os);
        serial = orEmpty(serial);
        technicianName = orEmpty(technicianName);
        technicianId = orEmpty(technicianId);
        site = orEmpty(site);
        ticket = orEmpty(ticket);
        started = orEmpty(started);
        finished = orEmpty(finished);
        products = products == null ? List.of() : List.copyOf(products);
        backup = orEmpty(backup);
        antivirus = orEmpty(antivirus);
        citations = citations == null ? List.of() : List.copyOf(citations);
        catalog = orEmpty(catalog);
        appVersion = orEmpty(appVersion);
        verifyHint = verifyHint == null ? List.of() : List.copyOf(verifyHint);
        if (!FINGERPRINT.matcher(keyFingerprint == null ? "" : keyFingerprint).matches()) {
            throw new IllegalArgumentException("keyFingerprint must be 64 hex characters: " + keyFingerprint);
        }
        // the QR must hold the payload byte for byte, so no characters a charset could change
        if (qrText.length() > MAX_QR_TEXT || !PRINTABLE_ASCII.matcher(qrText).matches()) {
            throw new IllegalArgumentException("qrText must be 1 to " + MAX_QR_TEXT
                    + " printable ASCII characters, got " + qrText.length() + " characters");
        }
        if (verifyHint.size() > MAX_VERIFY_HINT_LINES) {
            throw new IllegalArgumentException("at most " + MAX_VERIFY_HINT_LINES + " verify hint lines");
        }
    }

    /** Not managed by a management server, and without a reason too long for page one. */
    public ReceiptView(String receiptId, Outcome result, String headline, String hostname, String os, String serial,
                       String technicianName, String technicianId, String site, String ticket, String started,
                       String finished, List<ProductLine> products, String backup, String antivirus,
                       List<String> citations, String catalog, String appVersion, String keyFingerprint,
                       String qrText, List<String> verifyHint, boolean demo, String notes) {
        this(receiptId, result, headline, hostname, os, serial, technicianName, technicianId, site, ticket, started,
                finished, products, backup, antivirus, citations, catalog, appVersion, keyFingerprint, qrText,
                verifyHint, demo, notes, "", "");
    }

    /** Without notes. */
    public ReceiptView(String receiptId, Outcome result, String headline, String hostname, String os, String serial,
                       String technicianName, String technicianId, String site, String ticket, String started,
                       String finished, List<ProductLine> products, String backup, String antivirus,
                       List<String> citations, String catalog, String appVersion, String keyFingerprint,
                       String qrText, List<String> verifyHint, boolean demo) {
        this(receiptId, result, headline, hostname, os, serial, technicianName, technicianId, site, ticket, started,
                finished, products, backup, antivirus, citations, catalog, appVersion, keyFingerprint, qrText,
                verifyHint, demo, "");
    }

    /** A receipt of real work (not a demo). */
    public ReceiptView(String receiptId, Outcome result, String headline, String hostname, String os, String serial,
                       String technicianName, String technicianId, String site, String ticket, String started,
                       String finished, List<ProductLine> products, String backup, String antivirus,
                       List<String> citations, String catalog, String appVersion, String keyFingerprint,
                       String qrText, List<String> verifyHint) {
        this(receiptId, result, headline, hostname, os, serial, technicianName, technicianId, site, ticket, started,
                finished, products, backup, antivirus, citations, catalog, appVersion, keyFingerprint, qrText,
                verifyHint, false);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
