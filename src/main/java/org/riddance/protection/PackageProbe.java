package org.riddance.protection;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.RunningProcess;
import org.riddance.platform.ServiceInfo;
import org.riddance.work.Cancellation;

/**
 * Linux products that have no status interface Riddance reads: recognised by their packages (the real dpkg-query
 * and rpm pointed at the system root), folders, units and processes. Whether their real-time protection is on
 * and how old their definitions are cannot be read, so those stay unknown and the live EICAR test decides.
 */
final class PackageProbe implements ProductProbe {

    private static final String DPKG = "/var/lib/dpkg";
    private static final List<String> RPM_DATABASES = List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm");

    private final KnownProducts known;

    PackageProbe(KnownProducts known) {
        this.known = known;
    }

    @Override
    public String name() {
        return "antivirus packages and services";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.LINUX;
    }

    @Override
    public List<AntivirusProduct> probe(Host host, Instant now, Cancellation cancellation) throws IOException {
        Map<String, String> installed = new HashMap<>(); // package -> version
        dpkg(host, installed, cancellation);
        rpm(host, installed, cancellation);
        Set<String> running = new HashSet<>();
        for (RunningProcess p : host.running().list()) {
            running.add(p.name());
        }
        Map<String, ServiceInfo> services = new HashMap<>();
        for (ServiceInfo s : host.services().list()) {
            services.put(s.name(), s);
        }
        List<AntivirusProduct> found = new ArrayList<>();
        for (KnownProducts.Product p : known.products()) {
            Optional<String> pkg = p.packages().stream().filter(installed::containsKey).findFirst();
            Optional<String> path = p.paths().stream().filter(f -> Files.exists(host.files().resolve(f))).findFirst();
            if (pkg.isEmpty() && path.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            notes.add(pkg.map(n -> "package " + n + " " + installed.get(n) + " installed")
                    .orElse("found at " + path.orElse("")));
            Switch enabled = state(p, running, services, notes);
            if (p.realTime()) {
                notes.add("real-time protection and definitions age cannot be read from this product: "
                        + "check them in its console, and run the EICAR test");
            }
            found.add(new AntivirusProduct(p.id(), p.name(), p.vendor(), pkg.map(installed::get).orElse(""),
                    pkg.isPresent() ? "package database" : "installed files", enabled,
                    p.realTime() ? Switch.UNKNOWN : Switch.NOT_OFFERED, Optional.empty(), Optional.empty(), "", false,
                    enabled == Switch.OFF ? EicarRoute.NONE : EicarRoute.watching(MdatpProbe.watchedFolder(host)), notes));
        }
        return found;
    }

    private static Switch state(KnownProducts.Product p, Set<String> running, Map<String, ServiceInfo> services,
                                List<String> notes) {
        Optional<String> process = p.processes().stream().filter(running::contains).findFirst();
        if (process.isPresent()) {
            notes.add("process " + process.get() + " is running");
            return Switch.ON;
        }
        for (String unit : p.units()) {
            ServiceInfo s = services.get(unit);
            if (s != null && s.state() == ServiceInfo.State.RUNNING) {
                notes.add("service " + unit + " is running");
                return Switch.ON;
            }
            if (s != null && s.state() == ServiceInfo.State.STOPPED) {
                notes.add("service " + unit + " is stopped");
                return Switch.OFF;
            }
        }
        return p.processes().isEmpty() ? Switch.UNKNOWN : Switch.OFF;
    }

    private static void dpkg(Host host, Map<String, String> installed, Cancellation cancellation) throws IOException {
        if (!Files.isDirectory(host.files().resolve(DPKG))) {
            return;
        }
        ProcessResult r = host.processes().run(Command.of("dpkg-query", "--admindir=" + host.files().resolve(DPKG),
                "-W", "-f=${Package}\\t${Version}\\t${db:Status-Abbrev}\\n").build(), cancellation);
        if (!r.succeeded()) {
            throw new IOException("dpkg-query failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.split("\t", -1);
            if (cols.length >= 3 && cols[2].startsWith("ii")) {
                installed.put(cols[0], cols[1]);
            }
        }
    }

    private static void rpm(Host host, Map<String, String> installed, Cancellation cancellation) throws IOException {
        Optional<String> db = RPM_DATABASES.stream().filter(d -> Files.isDirectory(host.files().resolve(d))).findFirst();
        if (db.isEmpty()) {
            return;
        }
        Command.Builder rpm = Command.of("rpm");
        if (host.isSandbox()) {
            rpm.arg("--root=" + host.files().root());
        }
        ProcessResult r = host.processes().run(rpm.arg("--dbpath=" + db.get())
                .args("-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n").build(), cancellation);
        if (!r.succeeded()) {
            throw new IOException("rpm -qa failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.split("\t", -1);
            if (cols.length >= 2) {
                installed.put(cols[0], cols[1]);
            }
        }
    }
}
