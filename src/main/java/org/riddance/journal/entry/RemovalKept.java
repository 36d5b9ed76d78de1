package org.riddance.journal.entry;

import java.util.List;

/**
 * {@code removal.kept}: What removal would have deleted for an item but kept, because no verified back-up holds it
 * (a log an uninstaller wrote after the back-up, a file changed since) and the back-up was not waived.
 *
 * @param kept each path kept, with why
 */
public record RemovalKept(String id, List<Kept> kept) implements JournalEntry {

    public static final String TYPE = "removal.kept";

    public RemovalKept {
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    /** A file, folder or registry key as the machine names it, and why it was not deleted. */
    public record Kept(String path, String reason) {
        public String describe() {
            return path + " (" + reason + ")";
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
