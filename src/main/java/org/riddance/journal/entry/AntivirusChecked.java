package org.riddance.journal.entry;

/** {@code antivirus.checked}: The replacement antivirus check, as the receipt shows it. */
public record AntivirusChecked(String name, String state, long defsAgeDays, String eicar, boolean pass) implements JournalEntry {

    public static final String TYPE = "antivirus.checked";

    public AntivirusChecked {
        name = name == null ? "" : name;
        state = state == null ? "" : state;
        eicar = eicar == null ? "" : eicar;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
