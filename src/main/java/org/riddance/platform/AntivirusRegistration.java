package org.riddance.platform;

/**
 * An antivirus product as Windows Security Center lists it ({@code root\SecurityCenter2 AntiVirusProduct}).
 *
 * @param productState the bitmask Windows keeps: security role, on/off, definitions up to date
 * @param productExe   {@code pathToSignedProductExe}; a path that no longer exists marks a stale entry
 */
public record AntivirusRegistration(String displayName, long productState, String productExe, String instanceGuid) {
}
