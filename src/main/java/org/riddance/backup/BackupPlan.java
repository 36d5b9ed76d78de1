package org.riddance.backup;

import java.util.List;
import java.util.Set;

/**
 * Everything worth keeping from the products found, and the licence facts recorded with them.
 *
 * @param findings      the product ids of the findings the plan was made for; the archive's manifest names them
 * @param vendorFolders the vendor's leftover folders on this machine (resolved under the root): the leftover
 *                      sweep may delete them whole, so no back-up is written inside one
 */
public record BackupPlan(List<PlannedItem> items, List<LicenceFact> licences, List<String> findings,
                         List<java.nio.file.Path> vendorFolders) {

    public BackupPlan {
        items = List.copyOf(items);
        licences = List.copyOf(licences);
        findings = findings == null ? List.copyOf(items.stream().map(PlannedItem::productId).distinct().toList())
                : List.copyOf(findings);
        vendorFolders = vendorFolders == null ? List.of() : List.copyOf(vendorFolders);
    }

    public BackupPlan(List<PlannedItem> items, List<LicenceFact> licences) {
        this(items, licences, null, null);
    }

    /** The plan with only the chosen items (by key) that can be backed up. */
    public BackupPlan only(Set<String> keys) {
        return new BackupPlan(items.stream().filter(i -> keys.contains(i.key()) && i.available()).toList(), licences,
                findings, vendorFolders);
    }

    public List<PlannedItem> available() {
        return items.stream().filter(PlannedItem::available).toList();
    }

    /** Bytes to copy, not counting vendor exports whose size is known only once made. */
    public long knownBytes() {
        return available().stream().mapToLong(i -> Math.max(0, i.bytes())).sum();
    }

    public int files() {
        return available().stream().mapToInt(PlannedItem::files).sum();
    }
}
