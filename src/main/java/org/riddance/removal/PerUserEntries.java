package org.riddance.removal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.RegistryView;

/**
 * An uninstall entry outside {@code HKEY_LOCAL_MACHINE} is written by a user, not by an installer running as
 * administrator: any standard user can put one under {@code HKCU} (or their {@code HKEY_USERS\SID}) named like
 * a banned product and holding another product's GUID, and Riddance would then run {@code msiexec /x {GUID}}
 * as administrator, silently uninstalling, say, the replacement antivirus. So its product code is used only if
 * the same code is registered machine-wide, by the vendor: an uninstall entry of that GUID under HKLM whose
 * Publisher (or DisplayName) the catalog gives to the finding's vendor. Otherwise the item is manual.
 * (Riddance runs no UninstallString program at all, only {@code msiexec /x} with a checked GUID.)
 */
final class PerUserEntries {

    static final List<String> MACHINE_UNINSTALL = List.of(
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall");

    private PerUserEntries() {
    }

    /** @return why the product code may not be run elevated, or empty when it may */
    static Optional<String> refusal(Finding f, String productCode, RegistryView registry, Catalog catalog) {
        boolean fromMachineEntry = f.evidence().stream().filter(e -> e.kind() == EvidenceKind.UNINSTALL_ENTRY)
                .map(Evidence::location).filter(PerUserEntries::machineWide)
                .anyMatch(key -> MsiProductCode.ofEntry(key, registry).filter(productCode::equals).isPresent());
        if (fromMachineEntry) {
            return Optional.empty();
        }
        for (String root : MACHINE_UNINSTALL) {
            String key = root + "\\" + productCode;
            if (!registry.exists(key)) {
                continue;
            }
            String publisher = text(registry, key, "Publisher");
            String name = text(registry, key, "DisplayName");
            boolean vendors = catalog.vendorClaiming(publisher, name)
                    .filter(v -> Cleanup.vendorMatches(catalog, v.id(), f.vendor())).isPresent();
            if (vendors) {
                return Optional.empty();
            }
            return Optional.of("its uninstall entry is a per-user one (" + hive(f) + "), and the product code "
                    + productCode + " is registered for this machine by '" + publisher + "', not by the vendor:"
                    + " Riddance does not run it as administrator. Check the product in Settings > Apps and remove it"
                    + " by hand if it really is " + f.product());
        }
        return Optional.of("its uninstall entry is a per-user one (" + hive(f) + ") and the product code " + productCode
                + " is not installed for this machine: anyone can write such an entry, so Riddance does not run it as"
                + " administrator. Sign in as that user and remove it from Settings > Apps, then rescan");
    }

    static boolean machineWide(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        return k.startsWith("HKEY_LOCAL_MACHINE\\") || k.startsWith("HKLM\\");
    }

    private static String hive(Finding f) {
        return f.evidence().stream().filter(e -> e.kind() == EvidenceKind.UNINSTALL_ENTRY).map(Evidence::location)
                .findFirst().map(k -> k.substring(0, Math.max(0, k.indexOf('\\')))).orElse("per user");
    }

    private static String text(RegistryView registry, String key, String name) {
        return registry.value(key, name).map(RegistryValue::asText).map(String::strip).orElse("");
    }
}
