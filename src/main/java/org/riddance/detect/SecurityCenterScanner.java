package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;

/**
 * Antivirus products registered with Windows Security Center. An entry whose program no longer exists is stale:
 * uninstalls leave them behind, and Windows then believes the PC is protected by software that is gone.
 */
final class SecurityCenterScanner implements Scanner {

    @Override
    public String name() {
        return "Windows Security Center antivirus entries";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.WINDOWS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (AntivirusRegistration av : host.securityCenter().antivirusProducts()) {
            Optional<Vendor> vendor = catalog.vendorClaiming("", av.displayName());
            if (vendor.isEmpty()) {
                continue;
            }
            boolean stale = !av.productExe().isBlank() && !exists(host, av.productExe());
            Evidence evidence = new Evidence(EvidenceKind.SECURITY_CENTER, "root\\SecurityCenter2 AntiVirusProduct "
                    + av.instanceGuid(), "\"" + av.displayName() + "\", productState 0x"
                    + Long.toHexString(av.productState()) + ", " + (stale ? "stale: " + av.productExe() + " no longer exists"
                    : "program " + av.productExe()));
            if (stale) {
                hits.add(Hit.vendorAlone(vendor.get().id(), Category.LEFTOVER, evidence));
            } else {
                Optional<ProductRule> product = catalog.windowsProductByDisplayName(av.displayName());
                hits.add(product.map(p -> Hit.product(p.id(), p.vendor(), evidence))
                        .orElseGet(() -> Hit.vendorPart(vendor.get().id(), Category.PRODUCT, evidence)));
            }
        }
        return hits;
    }

    /** Security Center paths may use environment variables; expand the standard folders. */
    private static boolean exists(Host host, String path) {
        String expanded = path.replace("\"", "");
        for (String[] variable : new String[][] {{"%ProgramFiles%", "C:\\Program Files"},
                {"%ProgramFiles(x86)%", "C:\\Program Files (x86)"}, {"%ProgramData%", "C:\\ProgramData"},
                {"%SystemRoot%", "C:\\Windows"}, {"%windir%", "C:\\Windows"}}) {
            expanded = replaceIgnoringCase(expanded, variable[0], variable[1]);
        }
        try {
            return Files.exists(host.files().resolve(expanded));
        } catch (IllegalArgumentException e) {
            return true; // a path we cannot interpret is not proof of staleness
        }
    }

    private static String replaceIgnoringCase(String text, String variable, String value) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(variable.toLowerCase(Locale.ROOT));
        return at < 0 ? text : text.substring(0, at) + value + text.substring(at + variable.length());
    }
}
