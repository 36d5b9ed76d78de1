package org.riddance.ui.rollup;

import java.util.Locale;
import java.util.function.Predicate;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.Validity;
import org.riddance.ui.Messages;

/**
 * Which rows the table shows. Each standing but "all" and "problems" has a count above the table under the same
 * {@link #countKey} the summary's JSON uses, so a count and its filter always agree.
 */
enum RowFilter {
    ALL("", e -> true),
    PROBLEMS("", e -> e.counts() && !e.validPass()),
    PASS("pass", e -> e.counts() && e.validPass()),
    FAIL("fail", e -> e.counts() && e.validity() == Validity.VALID && e.result().equals("fail")),
    INCOMPLETE("incomplete", e -> e.counts() && e.validity() == Validity.VALID && !e.result().equals("pass")
            && !e.result().equals("fail")),
    TAMPERED("tampered", e -> e.counts() && e.validity() == Validity.TAMPERED),
    UNKNOWN_KEY("unknownKey", e -> e.counts() && e.validity() == Validity.UNKNOWN_KEY),
    UNREADABLE("unreadable", e -> e.counts() && e.validity() == Validity.UNREADABLE),
    MISSING("missing", e -> e.validity() == Validity.MISSING),
    SUPERSEDED("superseded", RollupEntry::superseded);

    /** The member of {@code RollupReport.counts()} this filter's rows are counted under; "" for none. */
    final String countKey;
    private final Predicate<RollupEntry> shows;

    RowFilter(String countKey, Predicate<RollupEntry> shows) {
        this.countKey = countKey;
        this.shows = shows;
    }

    /** Shows {@code entry} when it has this standing and its PC name contains {@code text}, ignoring case. */
    boolean shows(RollupEntry entry, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return shows.test(entry) && (wanted.isEmpty() || entry.host().toLowerCase(Locale.ROOT).contains(wanted));
    }

    @Override
    public String toString() {
        return Messages.get("rollup.filter." + name().toLowerCase(Locale.ROOT));
    }
}
