package org.riddance.detect;

import java.util.Optional;
import org.riddance.catalog.Category;

/**
 * What a scanner saw, before findings are assembled.
 *
 * @param productId  the catalog product it points to; empty when only the vendor is known
 * @param category   set for evidence that is not a product by itself: a leftover, a driver, an embedded engine,
 *                   or a vendor product the catalog does not name
 * @param attachable true when the evidence belongs to an installed product of the same vendor if there is one
 *                   (the vendor's folder, a driver), so it only stands alone when no product is installed
 */
public record Hit(Optional<String> productId, String vendorId, Optional<Category> category, boolean attachable,
                  Optional<String> version, Optional<String> displayName, Evidence evidence) {

    /** Evidence of a catalog product. */
    public static Hit product(String productId, String vendorId, Evidence evidence) {
        return new Hit(Optional.of(productId), vendorId, Optional.empty(), false, Optional.empty(), Optional.empty(), evidence);
    }

    /** Part of a catalog product that stays behind: merged into the product if it is installed, else a leftover. */
    public static Hit productLeftover(String productId, String vendorId, Evidence evidence) {
        return new Hit(Optional.of(productId), vendorId, Optional.of(Category.LEFTOVER), true, Optional.empty(),
                Optional.empty(), evidence);
    }

    /** The vendor's, belonging to whatever vendor product is installed; {@code category} when none is. */
    public static Hit vendorPart(String vendorId, Category category, Evidence evidence) {
        return new Hit(Optional.empty(), vendorId, Optional.of(category), true, Optional.empty(), Optional.empty(), evidence);
    }

    /** The vendor's, standing alone whatever else is installed. */
    public static Hit vendorAlone(String vendorId, Category category, Evidence evidence) {
        return new Hit(Optional.empty(), vendorId, Optional.of(category), false, Optional.empty(), Optional.empty(), evidence);
    }

    public Hit withVersion(String value) {
        return value == null || value.isBlank() ? this
                : new Hit(productId, vendorId, category, attachable, Optional.of(value.strip()), displayName, evidence);
    }

    public Hit withDisplayName(String value) {
        return value == null || value.isBlank() ? this
                : new Hit(productId, vendorId, category, attachable, version, Optional.of(value.strip()), evidence);
    }
}
