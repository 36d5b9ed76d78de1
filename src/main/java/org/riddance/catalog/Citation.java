package org.riddance.catalog;

import java.util.List;

/**
 * A legal act, directive or official warning that bans or warns against a vendor's products.
 *
 * @param shortTitle how a receipt or a list names it in a few words: "DHS BOD 17-01"
 * @param reference  where to find it (Federal Register citation, case number, letter)
 * @param binding    true for law or directive, false for advice and warnings
 * @param embedded   whether it also covers the vendor's code embedded in other companies' products
 * @param milestones dated obligations, e.g. BOD 17-01's 30-, 60- and 90-day deadlines
 */
public record Citation(String id, String jurisdiction, String title, String shortTitle, String issued, String reference,
                       String summary, boolean binding, boolean embedded, List<Milestone> milestones) {

    public Citation {
        shortTitle = shortTitle == null || shortTitle.isBlank() ? title : shortTitle;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    public record Milestone(String date, String what) {
    }
}
