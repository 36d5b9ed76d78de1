package org.riddance.platform;

/** What the receipt and the diagnostics say about the machine. */
public record OsFacts(OsFamily family, String name, String version, String architecture, String hostname) {

    public String summary() {
        return name + (version.isBlank() || name.contains(version) ? "" : " " + version) + " (" + architecture + ")";
    }
}
