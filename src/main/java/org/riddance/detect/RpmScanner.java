package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/** RPM packages, read with the real {@code rpm --root}; exact catalog names only, as for dpkg. */
final class RpmScanner implements Scanner {

    static final List<String> DATABASES = List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm");

    @Override
    public String name() {
        return "rpm package database";
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.os().family() == OsFamily.LINUX && database(host).isPresent();
    }

    /** Where the system keeps its rpm database; named explicitly, since rpm's own default differs by distribution. */
    private static java.util.Optional<String> database(Host host) {
        return DATABASES.stream().filter(db -> Files.isDirectory(host.files().resolve(db))).findFirst();
    }

    @Override
    public List<Hit> scan(Host host, Catalog catalog, Cancellation cancellation) throws IOException {
        Command.Builder rpm = Command.of("rpm");
        if (host.isSandbox()) {
            rpm.arg("--root=" + host.files().root());
        }
        rpm.arg("--dbpath=" + database(host).orElseThrow());
        ProcessResult result = host.processes().run(rpm.args("-qa", "--qf",
                "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n").build(), cancellation);
        if (!result.succeeded()) {
            throw new IOException("rpm -qa failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        }
        List<Hit> hits = new ArrayList<>();
        Publishers publishers = new Publishers(catalog);
        for (String line : result.stdout().split("\n")) {
            String[] cols = line.split("\t", -1);
            if (cols.length >= 3) {
                DpkgScanner.packageHit(publishers, "the rpm database", cols[0], cols[1], "installed", cols[2])
                        .ifPresent(hits::add);
            }
        }
        return hits;
    }
}
