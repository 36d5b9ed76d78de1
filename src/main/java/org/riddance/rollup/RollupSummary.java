package org.riddance.rollup;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.riddance.receipt.ReceiptPayload;

/**
 * The office summary's payload (decision 0021): {@code format} {@value #FORMAT}, {@code v}, {@code id}, {@code site},
 * {@code created}, the signer's key fingerprint ({@code key}, as on receipts), the counts, and one entry per row.
 * Serialised with RFC 8785 and signed with Ed25519 exactly as a receipt is, so openssl checks it the same way.
 */
public final class RollupSummary {

    public static final String FORMAT = "riddance-office-rollup";
    public static final int VERSION = 1;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RollupSummary() {
    }

    /** {@code RO-20261204-101500-3fa2}: sorts by time, and two roll-ups in one second still differ. */
    public static String newId(Instant created) {
        byte[] random = new byte[2];
        RANDOM.nextBytes(random);
        return "RO-" + ID_TIME.format(created) + "-" + HexFormat.of().formatHex(random);
    }

    public static Map<String, Object> payload(String id, String site, Instant created, String keyFingerprint,
                                              String appVersion, RollupReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("v", VERSION);
        map.put("id", id);
        map.put("site", site == null ? "" : site);
        map.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        map.put("app", appVersion);
        map.put("counts", new LinkedHashMap<String, Object>(report.counts()));
        map.put("entries", report.entries().stream().map(RollupSummary::entry).toList());
        map.put(ReceiptPayload.KEY, keyFingerprint);
        return map;
    }

    private static Map<String, Object> entry(RollupEntry e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", e.host());
        map.put("receipt", e.receiptId());
        map.put("file", e.file());
        map.put("sha256", e.sha256());
        map.put("validity", e.validity().wire());
        map.put("result", e.result());
        map.put("tech", e.technician());
        map.put("time", e.time());
        map.put("removed", e.productsRemoved());
        map.put("superseded", e.superseded());
        map.put("detail", e.detail());
        return map;
    }

    public static boolean isRollup(Map<String, Object> payload) {
        return FORMAT.equals(payload.get("format"));
    }

    /** The counts line printed on the page and checked by {@code verify}: the same words from the same numbers. */
    public static String countsLine(Map<String, ?> counts) {
        return "Receipts " + counts.get("files") + ", PCs " + counts.get("pcs") + ": PASS " + counts.get("pass")
                + ", FAIL " + counts.get("fail") + ", INCOMPLETE " + counts.get("incomplete") + ", tampered "
                + counts.get("tampered") + ", unknown key " + counts.get("unknownKey") + ", unreadable "
                + counts.get("unreadable") + ", missing " + counts.get("missing");
    }

}
