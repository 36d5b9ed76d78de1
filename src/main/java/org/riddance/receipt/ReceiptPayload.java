package org.riddance.receipt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a receipt attests, kept small (about 1 KB) so the paper QR code carries it whole. Evidence is bound by
 * hash, not inlined: the journal's head hash, the evidence bundle's, the catalog's and the backup's SHA-256.
 *
 * @param kept how many leftover files and keys removal kept because no verified back-up held them (the journal's
 *             {@code removal.completed} names them)
 */
public record ReceiptPayload(String id, Machine machine, Technician technician, String site, String ticket,
                             Instant started, Instant finished, String result, List<ProductOutcome> products,
                             Backup backup, Antivirus antivirus, String catalogVersion, String catalogSha256,
                             String journalHead, String evidenceSha256, String appVersion, String keyFingerprint,
                             String notes, String utcOffset, boolean demo, long kept) {

    public static final String FORMAT = "riddance-receipt";
    public static final int VERSION = 1;
    /** The member naming the signing key's fingerprint; verification starts from it. */
    public static final String KEY = "key";

    public ReceiptPayload {
        products = List.copyOf(products);
        notes = notes == null ? "" : notes;
        utcOffset = utcOffset == null ? "" : utcOffset;
    }

    /** Nothing kept for want of a back-up. */
    public ReceiptPayload(String id, Machine machine, Technician technician, String site, String ticket,
                          Instant started, Instant finished, String result, List<ProductOutcome> products,
                          Backup backup, Antivirus antivirus, String catalogVersion, String catalogSha256,
                          String journalHead, String evidenceSha256, String appVersion, String keyFingerprint,
                          String notes, String utcOffset, boolean demo) {
        this(id, machine, technician, site, ticket, started, finished, result, products, backup, antivirus,
                catalogVersion, catalogSha256, journalHead, evidenceSha256, appVersion, keyFingerprint, notes,
                utcOffset, demo, 0);
    }

    /** As the journal gives it: no local time zone recorded, not a demo. */
    public ReceiptPayload(String id, Machine machine, Technician technician, String site, String ticket,
                          Instant started, Instant finished, String result, List<ProductOutcome> products,
                          Backup backup, Antivirus antivirus, String catalogVersion, String catalogSha256,
                          String journalHead, String evidenceSha256, String appVersion, String keyFingerprint) {
        this(id, machine, technician, site, ticket, started, finished, result, products, backup, antivirus,
                catalogVersion, catalogSha256, journalHead, evidenceSha256, appVersion, keyFingerprint, "", "", false);
    }

    /** The signer's offset from UTC, e.g. "+01:00", so the page can print local times the payload can prove. */
    public ReceiptPayload withUtcOffset(String offset) {
        return new ReceiptPayload(id, machine, technician, site, ticket, started, finished, result, products, backup,
                antivirus, catalogVersion, catalogSha256, journalHead, evidenceSha256, appVersion, keyFingerprint,
                notes, offset, demo, kept);
    }

    /** Marks a receipt of the demo sandbox: signed as such, watermarked on paper. */
    public ReceiptPayload withDemo(boolean isDemo) {
        return new ReceiptPayload(id, machine, technician, site, ticket, started, finished, result, products, backup,
                antivirus, catalogVersion, catalogSha256, journalHead, evidenceSha256, appVersion, keyFingerprint,
                notes, utcOffset, isDemo, kept);
    }

    public ReceiptPayload withBackup(Backup newBackup) {
        return new ReceiptPayload(id, machine, technician, site, ticket, started, finished, result, products,
                newBackup, antivirus, catalogVersion, catalogSha256, journalHead, evidenceSha256, appVersion,
                keyFingerprint, notes, utcOffset, demo, kept);
    }

    public record Machine(String hostname, String os, String serial) {
    }

    public record Technician(String name, String id) {
    }

    /** {@code managedBy}: the management servers its agent reported to, which may push the product back. */
    public record ProductOutcome(String id, String name, String version, String outcome, List<String> managedBy) {
        public ProductOutcome {
            managedBy = managedBy == null ? List.of() : List.copyOf(managedBy);
        }

        public ProductOutcome(String id, String name, String version, String outcome) {
            this(id, name, version, outcome, List.of());
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = ordered("name", name, "ver", version, "outcome", outcome);
            // added after format v1 was first issued; absent when empty, so receipts signed before still read the same
            if (!managedBy.isEmpty()) {
                map.put("managedBy", managedBy);
            }
            return map;
        }
    }

    /** The verified archive's hash and size, the typed reason it was waived, or that none was made. */
    public record Backup(String status, String sha256, long bytes, String waiverReason, String location) {
        public Backup {
            location = location == null ? "" : location;
        }

        public Backup(String status, String sha256, long bytes, String waiverReason) {
            this(status, sha256, bytes, waiverReason, "");
        }

        public static Backup archive(String sha256, long bytes) {
            return new Backup("verified", sha256, bytes, "");
        }

        public static Backup waived(String reason) {
            return new Backup("waived", "", 0, reason);
        }

        public static Backup notMade() {
            return new Backup("not-made", "", 0, "");
        }

        /** Where the archive was written, as the back-up recorded it; printed so the customer can find it. */
        public Backup withLocation(String archivePath) {
            return new Backup(status, sha256, bytes, waiverReason, archivePath);
        }

        Map<String, Object> toMap() {
            return switch (status) {
                case "verified" -> location.isEmpty() ? ordered("sha256", sha256, "bytes", bytes)
                        : ordered("sha256", sha256, "bytes", bytes, "path", location);
                case "waived" -> ordered("waived", waiverReason);
                default -> ordered("status", status);
            };
        }
    }

    /** {@code definitionsAgeDays} is -1 when not known. */
    public record Antivirus(String name, String state, long definitionsAgeDays, String eicar) {
        public static Antivirus notChecked() {
            return new Antivirus("", "not-checked", -1, "not-run");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("v", VERSION);
        map.put("id", id);
        map.put("machine", ordered("host", machine.hostname(), "os", machine.os(), "serial", machine.serial()));
        map.put("tech", ordered("name", technician.name(), "id", technician.id()));
        map.put("site", site);
        map.put("ticket", ticket);
        if (!notes.isEmpty()) {
            map.put("notes", notes);
        }
        map.put("start", utc(started));
        map.put("end", utc(finished));
        // added after format v1 was first issued; absent when empty, so receipts signed before still read the same
        if (!utcOffset.isEmpty()) {
            map.put("tz", utcOffset);
        }
        if (demo) {
            map.put("demo", true);
        }
        map.put("result", result);
        // names, not catalog ids: a reader of the paper needs no catalog, and ids would cost the QR code ~10 %
        map.put("products", products.stream().map(ProductOutcome::toMap).toList());
        map.put("backup", backup.toMap());
        // files and keys removal kept because no verified back-up holds them; absent when none, as before
        if (kept > 0) {
            map.put("kept", kept);
        }
        map.put("av", ordered("name", antivirus.name(), "state", antivirus.state(),
                "defsAgeDays", antivirus.definitionsAgeDays(), "eicar", antivirus.eicar()));
        map.put("catalog", ordered("ver", catalogVersion, "sha256", catalogSha256));
        map.put("journal", journalHead);
        map.put("evidence", evidenceSha256);
        map.put("app", appVersion);
        map.put(KEY, keyFingerprint);
        return map;
    }

    private static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
