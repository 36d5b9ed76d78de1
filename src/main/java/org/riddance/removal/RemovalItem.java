package org.riddance.removal;

import java.util.List;
import java.util.Optional;
import org.riddance.catalog.Category;

/**
 * One finding's way off the machine.
 *
 * @param id                 the finding's product id; {@code removal.outcome} records it under this id
 * @param passwordProperties the MSI properties a password-protected product needs (KLLOGIN/KLPASSWD, KLUNINSTPASSWD)
 * @param blocked            why Riddance cannot run this item itself, and what the technician does instead
 */
public record RemovalItem(String id, String product, Category category, RemovalMethod method, int order,
                          List<Action> actions, List<String> passwordProperties, String note, Optional<String> blocked) {

    public RemovalItem {
        actions = List.copyOf(actions);
        passwordProperties = List.copyOf(passwordProperties);
        note = note == null ? "" : note;
    }

    public boolean isCleanup() {
        return method == RemovalMethod.CLEANUP;
    }

    public boolean needsPasswords() {
        return !passwordProperties.isEmpty();
    }
}
