package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.riddance.catalog.Catalog;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ServiceInfo;
import org.riddance.work.Cancellation;

/** systemd units (through {@code systemctl}, with {@code --root} in a sandbox) and SysV init scripts. */
final class LinuxServiceScanner implements Scanner {

    @Override
    public String name() {
        return "systemd units and init scripts";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.LINUX;
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (ServiceInfo unit : host.services().list(name -> catalog.linuxProductByUnit(name).isPresent())) {
            cancellation.throwIfCancelled();
            catalog.linuxProductByUnit(unit.name()).ifPresent(p -> hits.add(Hit.product(p.id(), p.vendor(),
                    new Evidence(EvidenceKind.SYSTEMD_UNIT, unit.name() + ".service",
                            "unit " + unit.startMode() + (unit.state() == ServiceInfo.State.UNKNOWN ? ""
                                    : ", " + unit.state().name().toLowerCase(java.util.Locale.ROOT))))));
        }
        Path initDir = host.files().resolve("/etc/init.d");
        if (Files.isDirectory(initDir)) {
            try (Stream<Path> scripts = Files.list(initDir)) {
                for (Path script : scripts.sorted().toList()) {
                    String name = script.getFileName().toString();
                    catalog.linuxProductByUnit(name).ifPresent(p -> hits.add(Hit.product(p.id(), p.vendor(),
                            new Evidence(EvidenceKind.INIT_SCRIPT, "/etc/init.d/" + name, "SysV init script"))));
                }
            }
        }
        return hits;
    }

}
