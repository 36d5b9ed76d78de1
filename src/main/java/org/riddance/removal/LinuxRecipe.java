package org.riddance.removal;

import java.nio.file.Path;
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
 * Stop and disable the product's units, then purge its packages with the tool whose database lists them
 * ({@code dpkg --purge} or {@code rpm -e}). Package and unit names come from the package database and are
 * checked against the naming rules before they go on a command line.
 */
final class LinuxRecipe {

    static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.\\-]+");
    static final Pattern UNIT_NAME = Pattern.compile("[A-Za-z0-9_.@\\-]+");
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private LinuxRecipe() {
    }

    static RemovalItem packages(Finding f, Optional<ProductRule> rule, Host host, int order, String note) {
        List<Action> actions = new ArrayList<>(stopUnits(f, host));
        List<String> dpkg = packageNames(f, false);
        List<String> rpm = packageNames(f, true);
        if (dpkg.isEmpty() && rpm.isEmpty()) {
            return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.PACKAGE, order, actions,
                    List.of(), note, Optional.of("no package of it is in the package database: delete its folders "
                    + "by hand after checking nothing else uses them, then rescan"));
        }
        if (!dpkg.isEmpty()) {
            actions.add(new Action.Run(dpkgPurge(host, dpkg), Action.Purpose.UNINSTALL));
        }
        if (!rpm.isEmpty()) {
            actions.add(new Action.Run(rpmErase(host, rpm), Action.Purpose.UNINSTALL));
        }
        rule.map(ProductRule::linux).ifPresent(l -> l.paths().forEach(p -> actions.add(new Action.DeleteFolder(p))));
        return new RemovalItem(f.productId(), f.product(), f.category(), RemovalMethod.PACKAGE, order, actions,
                List.of(), note, Optional.empty());
    }

    /** Units named by the evidence: stopped and disabled live; in a sandbox only disabled (nothing runs there). */
    static List<Action> stopUnits(Finding f, Host host) {
        List<Action> actions = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            if (e.kind() != EvidenceKind.SYSTEMD_UNIT || !UNIT_NAME.matcher(e.location()).matches()) {
                continue;
            }
            if (!host.isSandbox()) {
                actions.add(new Action.Run(systemctl(host, "stop", e.location()), Action.Purpose.PREPARE));
            }
            actions.add(new Action.Run(systemctl(host, "disable", e.location()), Action.Purpose.PREPARE));
        }
        return actions;
    }

    static Command systemctl(Host host, String verb, String unit) {
        Command.Builder c = Command.of("systemctl");
        if (host.isSandbox()) {
            c.arg("--root=" + host.files().root());
        }
        return c.args(verb, unit).timeout(Duration.ofMinutes(2)).build();
    }

    /** Package names from the evidence, checked; {@code rpm} picks those the rpm database listed. */
    static List<String> packageNames(Finding f, boolean rpm) {
        List<String> names = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            if (e.kind() == EvidenceKind.PACKAGE && PACKAGE_NAME.matcher(e.location()).matches()
                    && e.detail().endsWith("the rpm database") == rpm) {
                names.add(e.location());
            }
        }
        return RemovalPlanner.distinct(names);
    }

    static Command dpkgPurge(Host host, List<String> packages) {
        Command.Builder c = Command.of("dpkg");
        if (host.isSandbox()) {
            Path root = host.files().root();
            c.args("--root=" + root, "--admindir=" + root.resolve("var/lib/dpkg"), "--force-not-root",
                    "--force-script-chrootless", "--log=" + root.resolve("var/log/dpkg.log"));
        }
        return c.arg("--purge").args(packages).env("DEBIAN_FRONTEND", "noninteractive").timeout(TIMEOUT).build();
    }

    /** The same database the scan read (rpm's own default differs by distribution). */
    static Command rpmErase(Host host, List<String> packages) {
        Command.Builder c = Command.of("rpm");
        if (host.isSandbox()) {
            c.arg("--root=" + host.files().root());
        }
        // where RpmScanner found it: named explicitly, since rpm's own default differs by distribution
        List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm").stream()
                .filter(db -> java.nio.file.Files.isDirectory(host.files().resolve(db))).findFirst()
                .ifPresent(db -> c.arg("--dbpath=" + db));
        return c.arg("-e").args(packages).timeout(TIMEOUT).build();
    }
}
