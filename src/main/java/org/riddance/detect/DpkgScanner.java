package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/**
 * Debian packages, read with the real {@code dpkg-query} pointed at the system root's database. A package
 * removed but not purged ({@code config-files}) is a leftover. Only exact catalog names count: Debian has many
 * packages whose names merely start with "kl" or "ka".
 */
final class DpkgScanner implements Scanner {

    static final String ADMIN_DIR = "/var/lib/dpkg";
    private static final String FORMAT = "${Package}\\t${Version}\\t${Status}\\t${Maintainer}\\n";

    @Override
    public String name() {
        return "dpkg package database";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.LINUX && Files.isDirectory(host.files().resolve(ADMIN_DIR));
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        String adminDir = host.files().resolve(ADMIN_DIR).toString();
        ProcessResult result = host.processes().run(
                Command.of("dpkg-query", "--admindir=" + adminDir, "-W", "-f=" + FORMAT).build(), cancellation);
        if (!result.succeeded()) {
            throw new IOException("dpkg-query failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        }
        List<Hit> hits = new ArrayList<>();
        Publishers publishers = new Publishers(catalog);
        for (String line : result.stdout().split("\n")) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 4) {
                continue;
            }
            packageHit(publishers, adminDir, cols[0], cols[1], cols[2], cols[3]).ifPresent(hits::add);
        }
        return hits;
    }

    static Optional<Hit> packageHit(Publishers publishers, String database, String name, String version, String status,
                                    String maintainer) {
        if (status.endsWith("not-installed")) {
            return Optional.empty();
        }
        // decided before any text is built: a PC has a thousand packages and perhaps one of them is the vendor's
        Optional<ProductRule> product = publishers.catalog().linuxProductByPackage(name);
        Optional<Vendor> vendor = product.isPresent() ? Optional.empty() : publishers.of(maintainer);
        if (product.isEmpty() && vendor.isEmpty()) {
            return Optional.empty();
        }
        boolean configOnly = status.endsWith("config-files");
        Evidence evidence = new Evidence(EvidenceKind.PACKAGE, name,
                name + " " + version + " (" + status + (configOnly ? ": removed, configuration left behind" : "")
                        + ") in " + database);
        if (product.isPresent()) {
            Hit hit = configOnly ? Hit.productLeftover(product.get().id(), product.get().vendor(), evidence)
                    : Hit.product(product.get().id(), product.get().vendor(), evidence);
            return Optional.of(hit.withVersion(version));
        }
        return Optional.of(Hit.vendorAlone(vendor.get().id(), configOnly ? Category.LEFTOVER : Category.PRODUCT, evidence)
                .withVersion(version).withDisplayName(name));
    }
}
