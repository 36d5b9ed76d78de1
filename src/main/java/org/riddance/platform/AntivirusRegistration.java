package org.riddance.platform;

import java.nio.file.Files;
import java.util.Locale;

/**
 * An antivirus product as Windows Security Center lists it ({@code root\SecurityCenter2 AntiVirusProduct}).
 *
 * @param productState the bitmask Windows keeps: security role, on/off, definitions up to date
 * @param productExe   {@code pathToSignedProductExe}; a path that no longer exists marks a stale entry
 */
public record AntivirusRegistration(String displayName, long productState, String productExe, String instanceGuid) {

    /**
     * The product's program is gone: the entry is stale, left by an uninstall. A path that is not a file path
     * ({@code windowsdefender://}) or cannot be interpreted is not proof of staleness.
     */
    public boolean programMissing(Host host) {
        if (productExe.isBlank()) {
            return false;
        }
        String expanded = productExe.replace("\"", "");
        for (String[] variable : new String[][] {{"%ProgramFiles%", WindowsFolders.PROGRAM_FILES.path(host)},
                {"%ProgramFiles(x86)%", WindowsFolders.PROGRAM_FILES_X86.path(host)},
                {"%ProgramData%", WindowsFolders.PROGRAM_DATA.path(host)},
                {"%SystemRoot%", WindowsFolders.WINDOWS.path(host)}, {"%windir%", WindowsFolders.WINDOWS.path(host)},
                {"%SystemDrive%", WindowsFolders.systemDrive(host)}}) {
            expanded = replaceIgnoringCase(expanded, variable[0], variable[1]);
        }
        try {
            return !Files.exists(host.files().resolve(expanded));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String replaceIgnoringCase(String text, String variable, String value) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(variable.toLowerCase(Locale.ROOT));
        return at < 0 ? text : text.substring(0, at) + value + text.substring(at + variable.length());
    }
}
