package org.riddance.removal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The items in the order they run: protection products, then the management agent, then the server, then cleanup. */
public record RemovalPlan(List<RemovalItem> items) {

    public RemovalPlan {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Optional<RemovalItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The plan as text, every command exactly as it will run with secrets masked: the dry run. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (RemovalItem item : items) {
            lines.add(n++ + ". " + item.product() + " [" + item.id() + ", " + item.method().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-') + "]");
            item.blocked().ifPresent(why -> lines.add("   cannot run here: " + why));
            item.actions().forEach(a -> lines.add("   $ " + a.describe()));
            if (item.needsPasswords()) {
                lines.add("   password-protected installs need " + String.join(", ", item.passwordProperties()));
            }
            if (!item.note().isBlank()) {
                lines.add("   note: " + item.note());
            }
        }
        return lines;
    }
}
