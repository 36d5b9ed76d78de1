package org.riddance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A Windows PC scanned from outside: its registry export, or its disk mounted on a Linux rescue stick or from a
 * disk image. The disk is recognised by its hive files, {@code Windows/System32/config/SOFTWARE} and
 * {@code SYSTEM} (in any letter case: NTFS does not care, a Linux mount does), either in the folder itself (the
 * mounted volume) or in its {@code C} folder (a machine root, as Riddance's Windows sandboxes lay it out).
 */
public final class OfflineWindows {

    /** A Windows volume: where its system drive is, and its two machine hives. */
    public record Volume(Path drive, Path software, Path system) {
    }

    private OfflineWindows() {
    }

    /**
     * The Windows volume at {@code dir} or in a drive folder of it ({@code dir/C}, or {@code dir/D} for a Windows
     * installed on D:), if one holds both machine hives.
     */
    public static Optional<Volume> find(Path dir) {
        return Stream.concat(Stream.of(dir), driveFolders(dir))
                .map(OfflineWindows::volumeAt)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The one-letter folders of a machine root, C first. */
    private static Stream<Path> driveFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("[A-Za-z]"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equalsIgnoreCase("C"))
                            .thenComparing(Path::getFileName))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Optional<Volume> volumeAt(Path drive) {
        Optional<Path> config = child(drive, "Windows").flatMap(w -> child(w, "System32")).flatMap(s -> child(s, "config"));
        Optional<Path> software = config.flatMap(c -> child(c, "SOFTWARE")).filter(Files::isRegularFile);
        Optional<Path> system = config.flatMap(c -> child(c, "SYSTEM")).filter(Files::isRegularFile);
        return software.isPresent() && system.isPresent()
                ? Optional.of(new Volume(drive, software.get(), system.get())) : Optional.empty();
    }

    /** The entry of {@code dir} with this name in any letter case; the exact spelling first. */
    static Optional<Path> child(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The host for a Windows volume: its hives as the registry, its files as the drive its registry names (C: mostly). */
    public static Host host(Volume volume) {
        Map<String, Path> hives = new LinkedHashMap<>();
        hives.put("SOFTWARE", volume.software());
        hives.put("SYSTEM", volume.system());
        HiveRegistry registry = HiveRegistry.open(hives);
        char letter = WindowsFolders.systemDrive(registry).charAt(0);
        return Hosts.sandbox(SystemRoot.windowsVolume(volume.drive(), letter), OsFamily.WINDOWS, registry);
    }

    /**
     * A registry export scanned on this machine. Files come from {@code root} when one is given; otherwise from
     * nowhere: the export holds no files, so no folder is made for them (nor left behind in the temp folder).
     * A damaged line of the export is listed in the registry's {@link RegistryView#unreadable()}.
     */
    public static Host fromExport(Path export, Optional<Path> root) throws IOException {
        InMemoryRegistry registry = RegFileParser.read(export);
        Path files = root.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"),
                "riddance-export-has-no-files-" + UUID.randomUUID()));
        return Hosts.sandbox(files, OsFamily.WINDOWS, registry);
    }

}
