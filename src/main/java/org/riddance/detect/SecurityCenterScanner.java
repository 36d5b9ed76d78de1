package org.riddance.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
            boolean stale = av.programMissing(host);
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
}
