package org.riddance.removal;

import java.util.Comparator;
import java.util.List;
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
        // machine-wide entries first: a per-user one is anyone's to write (see PerUserEntries)
        List<Evidence> entries = finding.evidence().stream().filter(e -> e.kind() == EvidenceKind.UNINSTALL_ENTRY)
                .sorted(Comparator.comparing(e -> !PerUserEntries.machineWide(e.location()))).toList();
        for (Evidence e : entries) {
            Optional<String> code = ofEntry(e.location(), registry);
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    /** The product code one uninstall entry names. */
    static Optional<String> ofEntry(String key, RegistryView registry) {
        String last = key.substring(key.lastIndexOf('\\') + 1);
        if (isGuid(last)) {
            return Optional.of(last.toUpperCase(Locale.ROOT));
        }
        return registry.value(key, "UninstallString").map(RegistryValue::asText)
                .flatMap(MsiProductCode::fromUninstallString);
    }

    static Optional<String> fromUninstallString(String uninstallString) {
        Matcher m = MSIEXEC.matcher(uninstallString);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
