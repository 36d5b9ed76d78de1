package org.riddance.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the operating system itself trusts a signed file: its hash matches its signature and the signer's chain
 * ends at a root the machine trusts. Only Windows can say so for Authenticode; elsewhere nothing is trusted.
 */
public interface SignatureTrust {

    /** Why the file is not trusted, or empty when it is. */
    Optional<String> distrust(Path file);

    static SignatureTrust platform() {
        return OsFamily.current() == OsFamily.WINDOWS ? new WinTrust()
                : file -> Optional.of("its signature can only be verified on Windows (WinVerifyTrust)");
    }
}
