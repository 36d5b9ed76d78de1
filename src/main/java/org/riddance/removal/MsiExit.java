package org.riddance.removal;

/** What msiexec's exit code means for a removal (learn.microsoft.com, MSI error codes). */
public enum MsiExit {
    DONE, ALREADY_GONE, REBOOT_NEEDED, BUSY, FATAL, CANCELLED, OTHER;

    public static MsiExit of(int code) {
        return switch (code) {
            case 0 -> DONE;
            case 1605, 1614 -> ALREADY_GONE;      // unknown product / product uninstalled
            case 3010, 1641 -> REBOOT_NEEDED;     // success, restart required / restart started
            case 1618 -> BUSY;                    // another installation is in progress
            case 1603 -> FATAL;                   // wrong password, self-defence, a pending restart…
            case 1602 -> CANCELLED;
            default -> OTHER;
        };
    }
}
