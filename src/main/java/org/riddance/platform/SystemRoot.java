package org.riddance.platform;

import java.nio.file.Path;

/**
 * Where the machine's files are. The live host maps a system path to itself; a sandbox maps
 * {@code /var/lib/dpkg} to {@code ROOT/var/lib/dpkg} and {@code C:\Program Files} to {@code ROOT/C/Program Files},
 * so scanners read a sandbox exactly as they would read the machine.
 */
public final class SystemRoot {

    private final Path root;
    private final boolean live;
    /** Where the system drive is when it is not {@code ROOT/C}: a mounted Windows volume is that drive itself. */
    private final Path volume;
    /** The drive letter the mounted volume plays, {@code C} on most PCs. */
    private final char letter;

    private SystemRoot(Path root, boolean live) {
        this(root, live, null, 'C');
    }

    private SystemRoot(Path root, boolean live, Path volume, char letter) {
        this.root = root;
        this.live = live;
        this.volume = volume;
        this.letter = Character.toUpperCase(letter);
    }

    /** A mounted Windows volume: {@code C:\Program Files} is {@code VOLUME/Program Files}. */
    public static SystemRoot windowsVolume(Path volume) {
        return windowsVolume(volume, 'C');
    }

    /** A mounted Windows volume that was drive {@code letter}: {@code D:\Program Files} is {@code VOLUME/Program Files}. */
    public static SystemRoot windowsVolume(Path volume, char letter) {
        Path drive = volume.toAbsolutePath().normalize();
        return new SystemRoot(drive, false, drive, letter);
    }

    public static SystemRoot live() {
        // Windows need not live on C:; the SystemDrive variable is Windows' own answer
        return new SystemRoot(Path.of(OsFamily.current() == OsFamily.WINDOWS
                ? System.getenv().getOrDefault("SystemDrive", "C:") + "\\" : "/"), true);
    }

    public static SystemRoot sandbox(Path root) {
        return new SystemRoot(root.toAbsolutePath().normalize(), false);
    }

    /** The folder that plays the system root: {@code /} (or {@code C:\}) live, the sandbox folder otherwise. */
    public Path root() {
        return root;
    }

    public boolean isLive() {
        return live;
    }

    /**
     * @param systemPath an absolute path as the machine knows it: {@code /opt/kaspersky}, {@code C:\ProgramData}
     * @throws IllegalArgumentException for a relative path or one that climbs out with {@code ..}
     */
    public Path resolve(String systemPath) {
        String relative = relativePart(systemPath);
        if (live) {
            return Path.of(systemPath).normalize();
        }
        if (volume != null && relative.charAt(0) == letter && (relative.length() == 1 || relative.charAt(1) == '/')) {
            Path onDrive = volume.resolve(relative.length() > 2 ? relative.substring(2) : "").normalize();
            if (!onDrive.startsWith(volume)) {
                throw new IllegalArgumentException("Path leaves the system root: " + systemPath);
            }
            return onDrive;
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("Path leaves the system root: " + systemPath);
        }
        return resolved;
    }

    /**
     * Whether {@code path} (from {@link #resolve}) really lies in the root once every link on the way to it is
     * followed; the last name itself is not followed (a link there is a link, deleted or skipped, never entered).
     * A sandbox folder may hold a link planted to lead reads or deletes outside it; the live root holds everything.
     */
    public boolean holds(Path path) {
        if (live) {
            return true;
        }
        try {
            Path parent = path.toAbsolutePath().normalize().getParent();
            if (parent == null) {
                return false;
            }
            Path realRoot = root.toRealPath();
            Path realParent = existingAncestor(parent).toRealPath();
            return realParent.startsWith(realRoot);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Path existingAncestor(Path path) {
        Path p = path;
        while (p != null && !java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        return p == null ? path.getRoot() : p;
    }

    private static String relativePart(String systemPath) {
        // a backslash separates folders in a Windows path only: in a Linux or macOS name it is just a character
        boolean windows = systemPath.length() >= 2 && Character.isLetter(systemPath.charAt(0)) && systemPath.charAt(1) == ':'
                || systemPath.startsWith("\\");
        String p = windows ? systemPath.replace('\\', '/') : systemPath;
        if (p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') {
            String rest = p.substring(2);
            if (!rest.startsWith("/")) {
                throw new IllegalArgumentException("Not an absolute path: " + systemPath);
            }
            return Character.toUpperCase(p.charAt(0)) + rest;
        }
        if (!p.startsWith("/")) {
            throw new IllegalArgumentException("Not an absolute path: " + systemPath);
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("Path climbs with '..': " + systemPath);
            }
        }
        return p.substring(1);
    }
}
