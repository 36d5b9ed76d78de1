package org.riddance.removal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riddance.detect.Evidence;
import org.riddance.detect.EvidenceKind;
import org.riddance.detect.Finding;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.RegistryView;

/**
 * The MSI product code of a finding, from its uninstall entry. Registry text is data: only a well-formed GUID is
 * ever put on a command line, whatever else the UninstallString holds.
 */
public final class MsiProductCode {

    private static final Pattern GUID = Pattern.compile("\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
    private static final Pattern MSIEXEC = Pattern.compile("(?i)^\\s*\"?(?:[a-z]:\\\\[^\"]*\\\\)?msiexec(?:\\.exe)?\"?\\s+/[xi]\\s*("
            + GUID.pattern() + ")\\s*(?:/.*)?$");

    private MsiProductCode() {
    }

    public static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    /** The key name when it is a GUID (MSI names its entry so), else the GUID in an {@code msiexec /x} UninstallString. */
    public static Optional<String> of(Finding finding, RegistryView registry) {
        for (Evidence e : finding.evidence()) {
            if (e.kind() != EvidenceKind.UNINSTALL_ENTRY) {
                continue;
            }
            String key = e.location();
            String last = key.substring(key.lastIndexOf('\\') + 1);
            if (isGuid(last)) {
                return Optional.of(last.toUpperCase(Locale.ROOT));
            }
            Optional<String> fromString = registry.value(key, "UninstallString").map(RegistryValue::asText)
                    .flatMap(MsiProductCode::fromUninstallString);
            if (fromString.isPresent()) {
                return fromString;
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromUninstallString(String uninstallString) {
        Matcher m = MSIEXEC.matcher(uninstallString);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
