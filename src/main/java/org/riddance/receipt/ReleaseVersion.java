package org.riddance.receipt;

/**
 * The version a customer reads: the build's version without Maven's "-SNAPSHOT" (a development build says so in
 * words). The signed payload keeps the exact build version.
 */
public final class ReleaseVersion {

    private static final String SNAPSHOT = "-SNAPSHOT";

    private ReleaseVersion() {
    }

    public static String display(String buildVersion) {
        if (buildVersion == null || buildVersion.isBlank()) {
            return "";
        }
        if (buildVersion.endsWith(SNAPSHOT)) {
            return buildVersion.substring(0, buildVersion.length() - SNAPSHOT.length()) + " (development build)";
        }
        return buildVersion;
    }
}
