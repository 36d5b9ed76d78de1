package org.riddance.removal;

import java.util.Map;
import java.util.Optional;

/**
 * Asks the technician for an item's uninstall password after the uninstaller refused (MSI 1603). The wizard shows
 * a masked dialog; the command line has only what {@code --password-file} gave, so it never asks.
 */
@FunctionalInterface
public interface PasswordPrompt {

    PasswordPrompt NONE = (item, why) -> Optional.empty();

    /** @return values by MSI property (KLLOGIN/KLPASSWD or KLUNINSTPASSWD), empty when the technician declined */
    Optional<Map<String, String>> ask(RemovalItem item, String why);
}
