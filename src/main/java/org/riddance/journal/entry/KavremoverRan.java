package org.riddance.journal.entry;

/** {@code removal.kavremover}: The vendor's removal tool ran; what the technician reported (the rescan decides). */
public record KavremoverRan(String id, String tool, String signer, int exit, String reported) implements JournalEntry {

    public static final String TYPE = "removal.kavremover";

    public KavremoverRan {
        id = id == null ? "" : id;
        tool = tool == null ? "" : tool;
        signer = signer == null ? "" : signer;
        reported = reported == null ? "" : reported;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
