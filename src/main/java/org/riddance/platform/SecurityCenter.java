package org.riddance.platform;

import java.io.IOException;
import java.util.List;

/**
 * Windows Security Center's view of installed antivirus products. Windows Server and other OSes have none;
 * an offline registry export cannot carry it (it lives in WMI, not the registry).
 */
public interface SecurityCenter {

    SecurityCenter NONE = List::of;

    List<AntivirusRegistration> antivirusProducts() throws IOException;

    static SecurityCenter fixed(List<AntivirusRegistration> registrations) {
        List<AntivirusRegistration> copy = List.copyOf(registrations);
        return () -> copy;
    }
}
