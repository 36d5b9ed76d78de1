package org.riddance.removal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.riddance.catalog.ProductRule;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.Command;
import org.riddance.platform.Host;

/**
 * The vendor's UninstallScript from the place the catalog names (nowhere else), then {@code pkgutil --forget}
 * for its receipts, then its launchd items unloaded and deleted.
 */
final class MacRecipe {

    static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]+");
    static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]+");

    private MacRecipe() {
    }

    static RemovalItem script(Finding f, ProductRule rule, Host host, int order, String note) {
        String script = rule.removal().scripts().get("macos");
        java.nio.file.Path located = host.files().resolve(script);
        if (!java.nio.file.Files.isRegularFile(located, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.UNINSTALL_SCRIPT, order,
                    List.of(), List.of(), note, Optional.of("the vendor's UninstallScript is not where the catalog "
                    + "expects it (" + script + "; a link does not count): remove the product with Kaspersky's own "
                    + "uninstaller app, then rescan"));
        }
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.Run(Command.of(located.toString())
                .timeout(Duration.ofMinutes(15)).build(), Action.Purpose.UNINSTALL));
        for (Evidence e : f.evidence()) {
            if (e.kind() == EvidenceKind.PKG_RECEIPT) {
                String id = receiptId(e.location());
                if (RECEIPT_ID.matcher(id).matches()) {
                    Command.Builder forget = Command.of("pkgutil");
                    if (host.isSandbox()) {
                        forget.args("--volume", host.files().root().toString());
                    }
                    actions.add(new Action.Run(forget.args("--forget", id).build(), Action.Purpose.FORGET));
                }
            } else if (e.kind() == EvidenceKind.LAUNCHD_ITEM) {
                String label = e.detail().replaceFirst("^launchd job ", "");
                // daemons are unloaded now; a per-user agent goes with its file at the next login
                if (!host.isSandbox() && LABEL.matcher(label).matches() && e.location().startsWith("/Library/LaunchDaemons/")) {
                    actions.add(new Action.Run(Command.of("launchctl", "bootout", "system/" + label).build(),
                            Action.Purpose.PREPARE));
                }
                actions.add(new Action.DeleteFile(e.location()));
            }
        }
        return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.UNINSTALL_SCRIPT, order, actions,
                List.of(), note, Optional.empty());
    }

    /** {@code /var/db/receipts/com.kaspersky.kav.core.plist} → {@code com.kaspersky.kav.core}. */
    static String receiptId(String location) {
        String name = location.substring(location.lastIndexOf('/') + 1);
        return name.replaceFirst("\\.(plist|bom)$", "");
    }
}
