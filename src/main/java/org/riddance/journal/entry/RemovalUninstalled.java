package org.riddance.journal.entry;

/** {@code removal.uninstalled}: An item's uninstaller finished; {@code reboot} when it needs a restart to complete. */
public record RemovalUninstalled(String id, boolean reboot, String detail) implements JournalEntry {

    public static final String TYPE = "removal.uninstalled";

    public RemovalUninstalled {
        id = id == null ? "" : id;
        detail = detail == null ? "" : detail;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
