package org.riddance.platform;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/** The services and drivers the machine knows; removal stops and disables through the same object. */
public interface ServiceManager {

    ServiceManager NONE = () -> List.of();

    List<ServiceInfo> list() throws IOException;

    /**
     * The services whose names pass, for a scan that looks for a few names among hundreds; a manager that can skip
     * working out the others' state does (systemd: reading each unit file's {@code [Install]} section).
     */
    default List<ServiceInfo> list(Predicate<String> named) throws IOException {
        return list().stream().filter(s -> named.test(s.name())).toList();
    }

    /**
     * Stops, disables and deletes a service or driver through the OS's own service manager, never by deleting its
     * key or files; refuses ({@link ServiceRemoval.Refused}) a boot-start or early-launch driver.
     */
    default void remove(String name) throws IOException {
        throw new IOException("No service manager here can remove " + name);
    }
}
