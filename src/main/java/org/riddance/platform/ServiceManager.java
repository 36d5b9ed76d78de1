package org.riddance.platform;

import java.io.IOException;
import java.util.List;

/** The services and drivers the machine knows; removal stops and disables through the same object. */
public interface ServiceManager {

    ServiceManager NONE = () -> List.of();

    List<ServiceInfo> list() throws IOException;
}
