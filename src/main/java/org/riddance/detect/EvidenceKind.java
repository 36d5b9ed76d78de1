package org.riddance.detect;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a piece of evidence was seen. */
public enum EvidenceKind {
    UNINSTALL_ENTRY, PRODUCT_REGISTRY_KEY, VENDOR_REGISTRY_KEY, LEFTOVER_REGISTRY_KEY, SERVICE, DRIVER, UPPER_FILTER,
    SECURITY_CENTER, PROCESS, PACKAGE, SYSTEMD_UNIT, INIT_SCRIPT, KERNEL_MODULE, FOLDER, SDK_FOLDER,
    SIGNED_BINARY, PKG_RECEIPT, APP_BUNDLE, LAUNCHD_ITEM, SYSTEM_EXTENSION,
    /** The server a management agent reports to; {@link Finding#managementServers()} reads it back. */
    MANAGEMENT_SERVER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
