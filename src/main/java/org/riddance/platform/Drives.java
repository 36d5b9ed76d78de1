package org.riddance.platform;

import com.sun.jna.platform.win32.Kernel32;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a technician can put a back-up: removable drives first (a USB stick leaves with the technician),
 * then the home folder. These are the technician's own drives, so they are read on the live machine even when
 * the machine being cleaned is a sandbox.
 */
public final class Drives {

    private static final int DRIVE_REMOVABLE = 2;

    /** A place to save to; {@code removable} drives are offered first. */
    public record Drive(Path path, String label, boolean removable) {
    }

    private Drives() {
    }

    public static List<Drive> destinations() {
        List<Drive> drives = new ArrayList<>(switch (OsFamily.current()) {
            case WINDOWS -> windows();
            case LINUX -> linux();
            case MACOS -> mac();
        });
        drives.add(new Drive(Path.of(System.getProperty("user.home")), "", false));
        return drives;
    }

    private static List<Drive> linux() {
        try {
            return linuxRemovable(Files.readString(Path.of("/proc/self/mounts")), device -> {
                try {
                    return Files.readString(Path.of("/sys/block", device, "removable")).strip();
                } catch (IOException e) {
                    return "";
                }
            });
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Removable mounts from {@code /proc/self/mounts}: a disk the kernel marks removable, or anything the desktop
     * mounted under {@code /media} or {@code /run/media}.
     *
     * @param removableFlag the content of {@code /sys/block/<disk>/removable} for a disk name
     */
    static List<Drive> linuxRemovable(String mounts, Function<String, String> removableFlag) {
        List<Drive> drives = new ArrayList<>();
        for (String line : mounts.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 3 || !fields[0].startsWith("/dev/")) {
                continue;
            }
            String mountPoint = unescape(fields[1]);
            String disk = fields[0].substring(5).replaceFirst("^(sd[a-z]+|mmcblk[0-9]+|nvme[0-9]+n[0-9]+)(p?[0-9]+)?$", "$1");
            boolean underMedia = mountPoint.startsWith("/media/") || mountPoint.startsWith("/run/media/");
            if (underMedia || "1".equals(removableFlag.apply(disk))) {
                Path path = Path.of(mountPoint);
                drives.add(new Drive(path, path.getFileName() == null ? mountPoint : path.getFileName().toString(), true));
            }
        }
        return drives;
    }

    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
    }

    private static List<Drive> windows() {
        List<Drive> drives = new ArrayList<>();
        for (File root : File.listRoots()) {
            try {
                if (Kernel32.INSTANCE.GetDriveType(root.getPath()) == DRIVE_REMOVABLE) {
                    drives.add(new Drive(root.toPath(), root.getPath(), true));
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return drives;
            }
        }
        return drives;
    }

    private static List<Drive> mac() {
        try (Stream<Path> volumes = Files.list(Path.of("/Volumes"))) {
            return volumes.filter(v -> !Files.isSymbolicLink(v)) // the start-up disk appears as a link to /
                    .map(v -> new Drive(v, v.getFileName().toString(), true)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
