package org.riddance.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service control manager as a sandbox or an offline disk has it: the services are the keys under
 * {@code CurrentControlSet\Services}. Removal keeps the SCM's rules (boot-start and early-launch drivers refused)
 * and its end state: a stopped, deleted service has no key. A sandbox has nothing running to stop.
 */
final class RegistryServices implements ServiceManager {

    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services";

    private final RegistryView registry;

    RegistryServices(RegistryView registry) {
        this.registry = registry;
    }

    @Override
    public List<ServiceInfo> list() {
        List<ServiceInfo> services = new ArrayList<>();
        for (String name : registry.subkeys(SERVICES)) {
            String key = SERVICES + "\\" + name;
            services.add(new ServiceInfo(name, text(key, "DisplayName"), ServiceInfo.State.UNKNOWN,
                    WindowsServices.startMode(start(key)), text(key, "ImagePath")));
        }
        return services;
    }

    @Override
    public void remove(String name) throws IOException {
        String key = SERVICES + "\\" + name;
        if (!registry.exists(key)) {
            return; // already gone: DeleteService would say ERROR_SERVICE_DOES_NOT_EXIST, which is the goal
        }
        Optional<String> refusal = ServiceRemoval.refusal(name, start(key), text(key, "Group"));
        if (refusal.isPresent()) {
            throw new ServiceRemoval.Refused(refusal.get());
        }
        if (!(registry instanceof WritableRegistry writable)) {
            throw new IOException("This registry cannot be changed (an offline export): remove the service " + name
                    + " on the PC itself");
        }
        writable.removeKey(key);
    }

    private long start(String key) {
        return registry.value(key, "Start").map(v -> v.data() instanceof Number n ? n.longValue() : -1L).orElse(-1L);
    }

    private String text(String key, String value) {
        return registry.value(key, value).map(RegistryValue::asText).orElse("");
    }
}
