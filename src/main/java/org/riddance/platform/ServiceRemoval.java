package org.riddance.platform;

import java.io.IOException;
import java.util.Optional;

/**
 * Which services Riddance may take out itself. A boot-start driver (Start 0) or an Early Launch Anti-Malware
 * driver (group "Early-Launch") is loaded before Windows can repair anything: a half-removed one can leave the
 * PC unbootable, so only the product's own uninstaller removes it (Microsoft, "Early launch antimalware";
 * the service Start values in "CurrentControlSet\Services Subkey Entries").
 */
public final class ServiceRemoval {

    static final int BOOT_START = 0;
    static final String ELAM_GROUP = "Early-Launch";

    private ServiceRemoval() {
    }

    /** Why this service must be left alone, or empty when the service manager may remove it. */
    public static Optional<String> refusal(String name, long start, String group) {
        if (ELAM_GROUP.equalsIgnoreCase(group == null ? "" : group.strip())) {
            return Optional.of(name + " is an early-launch anti-malware driver: only the product's own uninstaller "
                    + "(or Kaspersky's kavremover) may remove it; deleting it by hand can leave Windows unbootable");
        }
        if (start == BOOT_START) {
            return Optional.of(name + " is a boot-start driver: only the product's own uninstaller (or Kaspersky's "
                    + "kavremover) may remove it; deleting it by hand can leave Windows unbootable");
        }
        return Optional.empty();
    }

    /** The service manager would not remove it, on purpose. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }
}
