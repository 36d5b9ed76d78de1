package org.riddance.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/**
 * Which installed package owns a folder, asked of the real package database ({@code dpkg-query -S},
 * {@code rpm -qf}) of the system root. A folder a package still owns is that package's, never a leftover: the
 * sweep must not delete an installed package's files.
 */
final class PackageOwners {

    private final Map<String, String> owners;

    private PackageOwners(Map<String, String> owners) {
        this.owners = Map.copyOf(owners);
    }

    static PackageOwners none() {
        return new PackageOwners(Map.of());
    }

    Optional<String> owner(String folder) {
        return Optional.ofNullable(owners.get(folder));
    }

    /** Looks every folder up in one call per database; a database that cannot answer is an error, not "no owner". */
    static PackageOwners of(Host host, List<String> folders, Cancellation cancellation) throws IOException {
        Map<String, String> owners = new HashMap<>();
        if (folders.isEmpty()) {
            return none();
        }
        if (Files.isDirectory(host.files().resolve(DpkgScanner.ADMIN_DIR))) {
            dpkg(host, folders, owners, cancellation);
        }
        Optional<String> rpmDb = RpmScanner.DATABASES.stream()
                .filter(db -> Files.isDirectory(host.files().resolve(db))).findFirst();
        if (rpmDb.isPresent()) {
            rpm(host, rpmDb.get(), folders, owners, cancellation);
        }
        return new PackageOwners(owners);
    }

    /** {@code dpkg-query -S} prints {@code pkg[, pkg2]: /path} per owned path and exits 1 when some path has none. */
    private static void dpkg(Host host, List<String> folders, Map<String, String> owners, Cancellation cancellation)
            throws IOException {
        String adminDir = host.files().resolve(DpkgScanner.ADMIN_DIR).toString();
        ProcessResult result = host.processes().run(Command.of("dpkg-query", "--admindir=" + adminDir, "-S")
                .args(folders).build(), cancellation);
        if (!result.exited() || result.exitCode() > 1) {
            throw new IOException("dpkg-query -S failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        }
        for (String line : result.stdout().split("\n")) {
            int colon = line.indexOf(": /");
            if (colon > 0 && !line.startsWith("diversion ")) {
                String path = line.substring(colon + 2).strip();
                String firstPackage = line.substring(0, colon).split(",")[0].strip();
                owners.putIfAbsent(path, firstPackage.replaceFirst(":.*$", "")); // drop the :arch qualifier
            }
        }
    }

    /** {@code rpm -qf} per folder: a folder with two owners prints two names, so one call each keeps them apart. */
    private static void rpm(Host host, String database, List<String> folders, Map<String, String> owners,
                            Cancellation cancellation) throws IOException {
        for (String folder : folders) {
            Command.Builder rpm = Command.of("rpm");
            if (host.isSandbox()) {
                rpm.arg("--root=" + host.files().root());
            }
            rpm.arg("--dbpath=" + database).args("-qf", "--qf", "%{NAME}\\n", folder);
            ProcessResult result = host.processes().run(rpm.build(), cancellation);
            if (!result.exited()) {
                throw new IOException("rpm -qf did not finish: " + result.stderr().strip());
            }
            String name = result.stdout().split("\n", 2)[0].strip();
            if (result.exitCode() == 0 && !name.isEmpty() && !name.contains(" ")) {
                owners.putIfAbsent(folder, name);
            }
        }
    }
}
