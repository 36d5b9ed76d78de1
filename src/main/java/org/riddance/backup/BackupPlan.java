package org.riddance.backup;

import java.util.List;
import java.util.Set;

/** Everything worth keeping from the products found, and the licence facts recorded with them. */
public record BackupPlan(List<PlannedItem> items, List<LicenceFact> licences) {

    public BackupPlan {
        items = List.copyOf(items);
        licences = List.copyOf(licences);
    }

    /** The plan with only the chosen items (by key) that can be backed up. */
    public BackupPlan only(Set<String> keys) {
        return new BackupPlan(items.stream().filter(i -> keys.contains(i.key()) && i.available()).toList(), licences);
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
