package org.riddance.catalog;

import java.util.List;

/**
 * A banned vendor. Its patterns catch products the catalog does not list by name: any uninstall entry whose
 * publisher or name matches is the vendor's, in any language it localises its name into.
 *
 * @param publisherPatterns regexes for the Publisher / Maintainer / Vendor field
 * @param namePatterns      regexes for a product or package name that carries the vendor's name
 * @param signers           Authenticode signer names the vendor signs with
 * @param windowsProductKeys registry keys whose subkeys are the vendor's own per-product keys
 *                          ({@code <name>\environment} present for an installed product)
 * @param appleTeamIds      Apple developer team ids the vendor signs macOS code and system extensions with
 */
public record Vendor(String id, String name, List<String> publisherPatterns, List<String> namePatterns,
                     List<String> signers, List<String> windowsProductKeys, List<String> appleTeamIds,
                     List<String> citations) {

    public Vendor {
        publisherPatterns = List.copyOf(publisherPatterns);
        namePatterns = List.copyOf(namePatterns);
        signers = List.copyOf(signers);
        windowsProductKeys = windowsProductKeys == null ? List.of() : List.copyOf(windowsProductKeys);
        appleTeamIds = appleTeamIds == null ? List.of() : List.copyOf(appleTeamIds);
        citations = List.copyOf(citations);
    }

    public boolean publishes(String publisher) {
        return Patterns.anyFinds(publisherPatterns, publisher);
    }

    public boolean names(String productName) {
        return Patterns.anyFinds(namePatterns, productName);
    }

    public boolean signs(String signerName) {
        return signers.stream().anyMatch(s -> s.equalsIgnoreCase(signerName.strip()));
    }
}
