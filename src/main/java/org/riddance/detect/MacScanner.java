package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.catalog.Patterns;
import org.riddance.catalog.ProductRule;
import org.riddance.catalog.Vendor;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.work.Cancellation;

/**
 * macOS evidence read from the file system: installer receipts ({@code /var/db/receipts}, what {@code pkgutil
 * --pkgs} lists), app bundles, LaunchDaemons and LaunchAgents, and system extensions signed with the vendor's
 * Apple team id. Reading the files directly works the same on a live Mac and on a mounted disk.
 */
final class MacScanner implements Scanner {

    private static final Pattern PLIST_STRING = Pattern.compile("<key>(CFBundleIdentifier|CFBundleShortVersionString|"
            + "PackageVersion|PackageIdentifier)</key>\\s*<string>([^<]*)</string>");

    @Override
    public String name() {
        return "macOS receipts, apps, launchd items and system extensions";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.MACOS;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        receipts(host, catalog, hits);
        apps(host, catalog, hits);
        for (String folder : List.of("/Library/LaunchDaemons", "/Library/LaunchAgents")) {
            launchd(host, catalog, folder, hits);
        }
        systemExtensions(host, catalog, hits);
        return hits;
    }

    private static void receipts(Host host, Catalog catalog, List<Hit> hits) throws IOException {
        for (Path plist : list(host, "/var/db/receipts", ".plist")) {
            String id = stripSuffix(plist, ".plist");
            Optional<String> version = plistValue(plist, "PackageVersion");
            Evidence evidence = new Evidence(EvidenceKind.PKG_RECEIPT, "/var/db/receipts/" + plist.getFileName(),
                    "installer receipt " + id + version.map(v -> " " + v).orElse(""));
            match(catalog, id, p -> p.macos().receipts(), evidence).ifPresent(h -> hits.add(h.withVersion(version.orElse(""))));
        }
    }

    private static void apps(Host host, Catalog catalog, List<Hit> hits) throws IOException {
        for (Path app : list(host, "/Applications", ".app")) {
            String name = app.getFileName().toString();
            Path info = app.resolve("Contents/Info.plist");
            String bundleId = plistValue(info, "CFBundleIdentifier").orElse("");
            Optional<String> version = plistValue(info, "CFBundleShortVersionString");
            Evidence evidence = new Evidence(EvidenceKind.APP_BUNDLE, "/Applications/" + name,
                    (bundleId.isEmpty() ? "app" : bundleId) + version.map(v -> " " + v).orElse(""));
            Optional<Hit> hit = match(catalog, name, p -> p.macos().appNames(), evidence)
                    .or(() -> match(catalog, bundleId, p -> p.macos().bundleIds(), evidence))
                    .or(() -> catalog.vendorClaiming("", stripSuffix(app, ".app"))
                            .map(v -> Hit.vendorAlone(v.id(), Category.PRODUCT, evidence).withDisplayName(stripSuffix(app, ".app"))));
            hit.ifPresent(h -> hits.add(h.withVersion(version.orElse(""))));
        }
    }

    private static void launchd(Host host, Catalog catalog, String folder, List<Hit> hits) throws IOException {
        for (Path plist : list(host, folder, ".plist")) {
            String label = stripSuffix(plist, ".plist");
            Evidence evidence = new Evidence(EvidenceKind.LAUNCHD_ITEM, folder + "/" + plist.getFileName(), "launchd job " + label);
            match(catalog, label, p -> p.macos().launchd(), evidence)
                    .or(() -> vendorByName(catalog, label).map(v -> Hit.vendorPart(v.id(), Category.LEFTOVER, evidence)))
                    .ifPresent(hits::add);
        }
    }

    /** {@code /Library/SystemExtensions/<uuid>/<TEAMID>.<bundle id>.systemextension} */
    private static void systemExtensions(Host host, Catalog catalog, List<Hit> hits) throws IOException {
        Path root = host.files().resolve("/Library/SystemExtensions");
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> extensions;
        try (Stream<Path> walk = Files.walk(root, 2)) {
            extensions = walk.filter(p -> p.getFileName().toString().endsWith(".systemextension")).sorted().toList();
        }
        for (Path extension : extensions) {
            String name = extension.getFileName().toString();
            for (Vendor vendor : catalog.vendors()) {
                if (vendor.appleTeamIds().stream().anyMatch(name::startsWith)) {
                    hits.add(Hit.vendorPart(vendor.id(), Category.DRIVER, new Evidence(EvidenceKind.SYSTEM_EXTENSION,
                            "/Library/SystemExtensions/" + root.relativize(extension), "system extension " + name)));
                }
            }
        }
    }

    private static Optional<Hit> match(Catalog catalog, String text, Function<ProductRule, List<String>> rules,
                                       Evidence evidence) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return catalog.products().stream()
                .filter(p -> p.macos() != null && Patterns.anyFinds(rules.apply(p), text))
                .findFirst()
                .map(p -> Hit.product(p.id(), p.vendor(), evidence));
    }

    private static Optional<Vendor> vendorByName(Catalog catalog, String label) {
        String spaced = label.replace('.', ' ');
        return catalog.vendorClaiming("", spaced);
    }

    private static List<Path> list(Host host, String folder, String suffix) throws IOException {
        Path dir = host.files().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** XML property lists only; a binary plist yields nothing, which costs the version, not the finding. */
    static Optional<String> plistValue(Path plist, String key) {
        try {
            Matcher m = PLIST_STRING.matcher(Files.readString(plist));
            while (m.find()) {
                if (m.group(1).equals(key)) {
                    return Optional.of(m.group(2).strip());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable or binary: no value
        }
        return Optional.empty();
    }

    private static String stripSuffix(Path path, String suffix) {
        String name = path.getFileName().toString();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
