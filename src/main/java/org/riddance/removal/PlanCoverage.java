package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.riddance.backup.Manifest;
import org.riddance.backup.ManifestEntry;
import org.riddance.backup.SafeWalk;
import org.riddance.catalog.LeftoverRules;
import org.riddance.platform.Host;

/**
 * Whether one removal action deletes only what an archive holds. Folders are checked as they are now, not as
 * the plan saw them: a file written since the back-up (a new log) is in no archive, so it is named.
 */
final class PlanCoverage {

    private static final int NAMED = 5;

    private final Manifest manifest;
    private final Host host;
    private final Set<String> archivedFiles = new HashSet<>();

    PlanCoverage(Manifest manifest, Host host) {
        this.manifest = manifest;
        this.host = host;
        for (ManifestEntry e : manifest.entries()) {
            if (ManifestEntry.FILE.equals(e.kind())) {
                archivedFiles.add(e.source());
            }
        }
    }

    /** @return what is missing for this action, or empty when the archive holds all it deletes */
    Optional<String> missing(Action action) {
        if (action instanceof Action.DeleteFolder folder) {
            return folder(folder.systemPath());
        }
        if (action instanceof Action.DeleteFile file) {
            Path path = resolve(file.systemPath());
            if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)
                    || archivedFiles.contains(file.systemPath()) || covered(Manifest.Covered.FOLDER, file.systemPath())) {
                return Optional.empty();
            }
            return Optional.of("the file " + file.systemPath() + " is in no archive: back up again");
        }
        if (action instanceof Action.DeleteRegistryKey key) {
            return !host.registry().exists(key.keyPath()) || covered(Manifest.Covered.REGISTRY_KEY, key.keyPath())
                    ? Optional.empty()
                    : Optional.of("the registry key " + key.keyPath() + " is in no archive: back up again");
        }
        if (action instanceof Action.Run run && run.purpose() == Action.Purpose.UNINSTALL) {
            List<String> notKept = purgedPackages(run.command().argv()).stream()
                    .filter(p -> !covered(Manifest.Covered.PACKAGE, p)).toList();
            return notKept.isEmpty() ? Optional.empty() : Optional.of("the configuration and changed files of package"
                    + (notKept.size() == 1 ? " " : "s ") + String.join(", ", notKept) + " are in no archive: back up again");
        }
        return Optional.empty(); // msiexec, systemctl, UpperFilters (backed up by removal itself)
    }

    private Optional<String> folder(String systemPath) {
        Path folder = resolve(systemPath);
        if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // gone, or a link removal deletes as a link
        }
        if (!covered(Manifest.Covered.FOLDER, systemPath)) {
            return Optional.of("the folder " + systemPath + " is not backed up whole: back up again (and choose all of it)");
        }
        SafeWalk.Listing now;
        try {
            now = SafeWalk.list(folder);
        } catch (IOException e) {
            return Optional.of("the folder " + systemPath + " cannot be read to check it against the archive: " + e.getMessage());
        }
        List<String> newer = now.files().stream().map(f -> SafeWalk.systemPath(systemPath, f.names()))
                .filter(p -> !archivedFiles.contains(p)).toList();
        if (newer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(newer.size() + " file" + (newer.size() == 1 ? "" : "s") + " in " + systemPath
                + " (" + String.join(", ", newer.subList(0, Math.min(NAMED, newer.size())))
                + (newer.size() > NAMED ? ", ..." : "") + ") are in no archive, written since the back-up: back up again");
    }

    /** The archive covers the thing itself or a folder/key that holds it. */
    private boolean covered(String kind, String location) {
        boolean windows = location.contains("\\") || kind.equals(Manifest.Covered.REGISTRY_KEY);
        String wanted = fold(LeftoverRules.normal(location), windows);
        return manifest.covers().stream().filter(c -> c.kind().equals(kind))
                .map(c -> fold(LeftoverRules.normal(c.source()), windows))
                .anyMatch(c -> wanted.equals(c) || wanted.startsWith(c + "/"));
    }

    private Path resolve(String systemPath) {
        try {
            return host.files().resolve(systemPath);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code dpkg ... --purge a b}, {@code rpm ... -e a b}: the names after the verb. */
    static List<String> purgedPackages(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("--purge") || argv.get(i).equals("-e")) {
                return argv.subList(i + 1, argv.size()).stream().filter(a -> !a.startsWith("-")).toList();
            }
        }
        return List.of();
    }

    private static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }
}
