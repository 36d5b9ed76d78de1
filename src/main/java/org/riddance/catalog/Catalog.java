package org.riddance.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The banned-product catalog: data, versioned and hashed, so a new ban is a catalog update. Loaded and
 * checked by {@link CatalogLoader}; once built it is immutable.
 *
 * @param sha256 SHA-256 of the catalog file's exact bytes, shown by {@code --version} and on every receipt
 * @param source "built-in" or the path of an external, signature-checked catalog
 */
public record Catalog(String format, String version, String published, String sha256, String source,
                      List<Citation> citations, List<Vendor> vendors, List<ProductRule> products,
                      List<DriverRule> drivers, List<Leftovers> leftovers, List<EmbeddedEngineMarkers> embedded) {

    public Catalog {
        citations = List.copyOf(citations);
        vendors = List.copyOf(vendors);
        products = List.copyOf(products);
        drivers = List.copyOf(drivers);
        leftovers = List.copyOf(leftovers);
        embedded = List.copyOf(embedded);
    }

    public Optional<ProductRule> product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Vendor> vendor(String id) {
        return vendors.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Map<String, Citation> citationsById() {
        return citations.stream().collect(Collectors.toMap(Citation::id, Function.identity()));
    }

    public List<Citation> citations(List<String> ids) {
        Map<String, Citation> byId = citationsById();
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The catalog product a Windows uninstall entry belongs to: the first whose name rules match, in catalog order. */
    public Optional<ProductRule> windowsProductByDisplayName(String displayName) {
        return products.stream().filter(p -> p.windows() != null && p.windows().matchesDisplayName(displayName))
                .findFirst();
    }

    public Optional<ProductRule> windowsProductByEnvironmentKey(String keyName) {
        return products.stream().filter(p -> p.windows() != null && p.windows().matchesEnvironmentKey(keyName))
                .findFirst();
    }

    /** The product owning a service, by its whole name or by its name without a build tag. */
    public Optional<ProductRule> windowsProductByService(String serviceName) {
        String base = DriverNames.base(serviceName);
        return products.stream().filter(p -> p.windows() != null
                        && (p.windows().matchesService(serviceName) || p.windows().matchesService(base)))
                .findFirst();
    }

    // The package and unit look-ups run for every package and unit of a PC (a thousand or more) at a command's
    // start, before the JIT has compiled anything, so they are plain loops rather than streams.

    public Optional<ProductRule> linuxProductByPackage(String packageName) {
        for (ProductRule p : products) {
            if (p.linux() != null && p.linux().packages().contains(packageName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<ProductRule> linuxProductByUnit(String unitName) {
        for (ProductRule p : products) {
            if (p.linux() != null && p.linux().units().contains(unitName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The vendor whose publisher patterns claim a package's maintainer or an entry's publisher. */
    public Optional<Vendor> vendorPublishing(String publisher) {
        for (Vendor v : vendors) {
            if (v.publishes(publisher)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The vendor whose publisher or name patterns claim this entry, for products the catalog does not list by name. */
    public Optional<Vendor> vendorClaiming(String publisher, String name) {
        for (Vendor v : vendors) { // asked for every uninstall entry of a PC: a loop, like the look-ups above
            if (v.publishes(publisher) || v.names(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The vendor driver a service is, by its base name: {@code klif}, {@code klif.K4W-21-25} and {@code KLIF} are one. */
    public Optional<DriverRule> driver(String serviceName) {
        return drivers.stream().filter(d -> DriverNames.same(d.name(), serviceName)).findFirst();
    }

    /** Short form for {@code --version}, logs and receipts. */
    public String describe() {
        return version + " (" + source + ", sha256 " + sha256 + ")";
    }
}
