package org.riddance.catalog;

/**
 * A kernel driver the vendor ships. {@code filterClass} names the device class whose UpperFilters carries it
 * (keyboard, mouse): deleting such a driver but leaving it in UpperFilters leaves the PC without keyboard or mouse.
 */
public record DriverRule(String name, String vendor, String role, String filterClass) {
}
