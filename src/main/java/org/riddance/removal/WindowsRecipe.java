package org.riddance.removal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.detect.Finding;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.WindowsFolders;

/** {@code msiexec /x {GUID} [password properties] /qn /norestart /l*v <session>\<id>-uninstall.log}. */
final class WindowsRecipe {

    static final String MSIEXEC = "msiexec.exe";
    /** An MSI uninstall of a security product can take long; past this the technician is asked. */
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    private WindowsRecipe() {
    }

    static RemovalItem msi(Finding f, Host host, Catalog catalog, Path sessionDir, int order,
                           List<String> passwordProperties, Passwords passwords, String note) {
        Optional<String> code = MsiProductCode.of(f, host.registry());
        Optional<String> perUser = code.flatMap(c -> PerUserEntries.refusal(f, c, host.registry(), catalog));
        if (perUser.isPresent()) {
            return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.MANUAL, order, List.of(),
                    passwordProperties, note, perUser);
        }
        if (code.isEmpty()) {
            return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.MSI, order, List.of(),
                    passwordProperties, note, Optional.of("no MSI product code in its uninstall entry: run Kaspersky's "
                    + "kavremover (guided, it asks for a CAPTCHA), then rescan"));
        }
        Command command = command(f.productId(), code.get(), host, sessionDir, passwordProperties, passwords);
        return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.MSI, order,
                List.of(new Action.Run(command, Action.Purpose.MSI_UNINSTALL)), passwordProperties, note, Optional.empty());
    }

    static Command command(String id, String productCode, Host host, Path sessionDir, List<String> passwordProperties,
                           Passwords passwords) {
        if (!MsiProductCode.isGuid(productCode)) {
            throw new IllegalArgumentException("Not an MSI product code: " + productCode);
        }
        Command.Builder msiexec = Command.of(host.files().resolve(
                WindowsFolders.SYSTEM.path(host) + "\\" + MSIEXEC).toString(), "/x", productCode)
                .lineRule(Command.LineRule.MSIEXEC);
        for (String property : passwordProperties) {
            if (property.equals(Passwords.LOGIN)) {
                if (passwords.has(Passwords.PASSWORD)) {
                    msiexec.arg(Passwords.LOGIN + "=" + passwords.get(Passwords.LOGIN).orElse(Passwords.DEFAULT_LOGIN));
                }
            } else if (property.equals(Passwords.AGENT_PASSWORD)) {
                passwords.get(Passwords.AGENT_PASSWORD).ifPresent(pw -> {
                    String hex = Passwords.agentHex(pw);
                    msiexec.secret(pw).secretArg(Passwords.AGENT_PASSWORD + "=" + hex, hex);
                });
            } else {
                passwords.get(property).ifPresent(pw -> msiexec.secretArg(property + "=" + pw, pw));
            }
        }
        return msiexec.args("/qn", "/norestart", "/l*v", sessionDir.resolve(id + "-uninstall.log").toString())
                .timeout(TIMEOUT).build();
    }
}
