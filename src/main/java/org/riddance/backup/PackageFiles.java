package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/**
 * The files of an installed package that a purge deletes and a reinstall cannot bring back: its configuration
 * files ({@code dpkg-query -W -f='${Conffiles}'}, {@code rpm -qc}) and every file of it that differs from what
 * the package shipped ({@code dpkg --verify}, {@code rpm -V}). The real tools answer, pointed at the system root;
 * their output is data: only absolute paths that exist under the root as regular files are kept.
 */
final class PackageFiles {

    /** {@code dpkg --verify} and {@code rpm -V}: attributes (or "missing"), an optional file type letter, the path. */
    private static final Pattern VERIFY_LINE = Pattern.compile("^(\\S+)\\s+(?:[cdglr]\\s+)?(/.*)$");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.\\-]+");
    static final List<String> RPM_DATABASES = List.of("/var/lib/rpm", "/usr/lib/sysimage/rpm");

    private PackageFiles() {
    }

    /** @return system paths, in the order the tools gave them; empty when the package is unknown */
    static List<String> of(Host host, String packageName, boolean rpm, Cancellation cancel) throws IOException {
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new IllegalArgumentException("Not a package name: " + packageName);
        }
        Set<String> paths = new LinkedHashSet<>();
        if (rpm) {
            lines(run(host, rpmCommand(host).args("-qc", packageName), cancel, false), paths);
            verify(run(host, rpmCommand(host).args("-V", packageName), cancel, true), paths);
        } else {
            String admin = host.files().resolve("/var/lib/dpkg").toString();
            String conffiles = run(host, Command.of("dpkg-query", "--admindir=" + admin, "-W", "-f=${Conffiles}\\n",
                    packageName), cancel, false);
            for (String line : conffiles.split("\n")) {
                // " /etc/opt/kaspersky/kesl.conf 0a1b... [obsolete]": the md5 is the last word but for "obsolete"
                String t = line.strip();
                int md5 = t.replaceFirst("\\s+obsolete$", "").lastIndexOf(' ');
                if (t.startsWith("/") && md5 > 0) {
                    paths.add(t.substring(0, md5));
                }
            }
            Command.Builder verify = Command.of("dpkg");
            if (host.isSandbox()) {
                verify.arg("--root=" + host.files().root());
            }
            verify(run(host, verify.args("--admindir=" + admin, "--verify", packageName), cancel, true), paths);
        }
        return paths.stream().filter(p -> isRegularFile(host, p)).toList();
    }

    private static Command.Builder rpmCommand(Host host) {
        Command.Builder c = Command.of("rpm");
        if (host.isSandbox()) {
            c.arg("--root=" + host.files().root());
        }
        RPM_DATABASES.stream().filter(db -> Files.isDirectory(host.files().resolve(db))).findFirst()
                .ifPresent(db -> c.arg("--dbpath=" + db));
        return c;
    }

    /** {@code verify}: a non-zero exit only says that something differs, which is the point. */
    private static String run(Host host, Command.Builder command, Cancellation cancel, boolean verify)
            throws IOException {
        ProcessResult r = host.processes().run(command.build(), cancel);
        if (!r.exited() || (!verify && !r.succeeded()) || r.outputTruncated()) {
            throw new IOException(command.build().describe() + " failed (exit " + r.exitCode() + "): "
                    + r.stderr().strip());
        }
        return r.stdout();
    }

    private static void verify(String output, Set<String> paths) {
        for (String line : output.split("\n")) {
            Matcher m = VERIFY_LINE.matcher(line);
            if (m.matches()) {
                paths.add(m.group(2));
            }
        }
    }

    private static void lines(String output, Set<String> paths) {
        for (String line : output.split("\n")) {
            if (line.startsWith("/")) {
                paths.add(line);
            }
        }
    }

    private static boolean isRegularFile(Host host, String systemPath) {
        try {
            return Files.isRegularFile(host.files().resolve(systemPath), LinkOption.NOFOLLOW_LINKS)
                    && host.files().holds(host.files().resolve(systemPath));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
