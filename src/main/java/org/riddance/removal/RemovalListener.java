package org.riddance.removal;

/** Live news of a removal for the wizard's plan and log; the journal holds the record, this only shows it. */
public interface RemovalListener {

    RemovalListener NONE = new RemovalListener() {
    };

    /** UNINSTALLED: its uninstaller finished; the closing rescan decides REMOVED or FAILED. */
    enum Status { PLANNED, RUNNING, UNINSTALLED, REBOOT_NEEDED, REMOVED, CLEANED, FAILED, SKIPPED }

    default void log(String line) {
    }

    default void status(String id, Status status, String detail) {
    }

    /** The item failed because the vendor's own protection stopped it; {@code properties} are the passwords it takes. */
    default void blocked(String id, Blockage why, java.util.List<String> properties) {
    }
}
