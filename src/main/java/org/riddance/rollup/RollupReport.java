package org.riddance.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the roll-up found: one row per receipt file read (and per PC the inventory expected and the folder lacks), in
 * host order, and the counts the office reads first.
 */
public record RollupReport(List<RollupEntry> entries, int expected) {

    public RollupReport {
        entries = List.copyOf(entries);
    }

    /** Every receipt valid and PASS, none missing, nothing unreadable, and at least one receipt. */
    public boolean allValidPass() {
        List<RollupEntry> counted = entries.stream().filter(RollupEntry::counts).toList();
        return !counted.isEmpty() && counted.stream().allMatch(RollupEntry::validPass);
    }

    /** The rows that need a person's look: everything counted that is not valid and PASS. */
    public List<RollupEntry> problems() {
        return entries.stream().filter(e -> e.counts() && !e.validPass()).toList();
    }

    /** The summary counts, in the order the page prints them; the keys are the summary's JSON member names. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("files", (int) entries.stream().filter(e -> e.validity() != Validity.MISSING).count());
        // PCs a receipt names (a tampered one too: the PC is there, its receipt is the problem); not the missing ones
        counts.put("pcs", (int) entries.stream().filter(e -> e.counts() && !e.host().isEmpty() && e.validity() != Validity.MISSING)
                .map(e -> e.host().toLowerCase(java.util.Locale.ROOT)).distinct().count());
        counts.put("pass", count(e -> e.validPass()));
        counts.put("fail", count(e -> e.validity() == Validity.VALID && e.result().equals("fail")));
        counts.put("incomplete", count(e -> e.validity() == Validity.VALID && !e.result().equals("pass")
                && !e.result().equals("fail")));
        counts.put("tampered", count(e -> e.validity() == Validity.TAMPERED));
        counts.put("unknownKey", count(e -> e.validity() == Validity.UNKNOWN_KEY));
        counts.put("unreadable", count(e -> e.validity() == Validity.UNREADABLE));
        counts.put("missing", count(e -> e.validity() == Validity.MISSING));
        counts.put("superseded", (int) entries.stream().filter(RollupEntry::superseded).count());
        counts.put("expected", expected);
        return counts;
    }

    private int count(java.util.function.Predicate<RollupEntry> which) {
        return (int) entries.stream().filter(RollupEntry::counts).filter(which).count();
    }
}
