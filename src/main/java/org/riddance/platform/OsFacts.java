package org.riddance.platform;

/**
 * What the receipt and the diagnostics say about the machine.
 *
 * @param serial the firmware serial number where the OS tells it (Linux: DMI, as root); empty when unknown
 */
public record OsFacts(OsFamily family, String name, String version, String architecture, String hostname,
                      String serial) {

    public String summary() {
        return name + (version.isBlank() || name.contains(version) ? "" : " " + version) + " (" + architecture + ")";
    }
}
