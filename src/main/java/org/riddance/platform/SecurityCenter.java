package org.riddance.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Windows Security Center's view of installed antivirus products. Windows Server and other OSes have none;
 * an offline registry export cannot carry it (it lives in WMI, not the registry).
 */
public interface SecurityCenter {

    SecurityCenter NONE = List::of;

    List<AntivirusRegistration> antivirusProducts() throws IOException;

    /**
     * Microsoft Defender's own status ({@code MSFT_MpComputerStatus}); empty where Defender is not installed or
     * its WMI provider is missing. Windows Server has this even though it has no Security Center.
     */
    default Optional<DefenderStatus> defender() throws IOException {
        return Optional.empty();
    }
}
