package org.riddance.platform;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import java.util.Locale;
import java.util.Optional;

/**
 * Windows' own folders. Live they come from the shell's known folders; a sandbox or an offline disk says where they
 * are in the registry values Windows itself keeps (libyal's winreg-kb, "Environment variables": {@code SystemRoot}
 * under {@code Windows NT\CurrentVersion}, {@code ProgramFilesDir} and {@code ProgramFilesDir (x86)} under
 * {@code Windows\CurrentVersion}, {@code ProgramData} under {@code ProfileList} as {@code %SystemDrive%\ProgramData}).
 * The system drive is not always C: (Windows installed on D:), so nothing else may assume it.
 */
public enum WindowsFolders {
    WINDOWS(Keys.NT_CURRENT_VERSION, "SystemRoot", "\\Windows"),
    SYSTEM(null, null, "\\Windows\\System32"),
    PROGRAM_DATA(Keys.NT_CURRENT_VERSION + "\\ProfileList", "ProgramData", "\\ProgramData"),
    PROGRAM_FILES(Keys.CURRENT_VERSION, "ProgramFilesDir", "\\Program Files"),
    PROGRAM_FILES_X86(Keys.CURRENT_VERSION, "ProgramFilesDir (x86)", "\\Program Files (x86)");

    /** The folders in the order a path is matched against them: the longest names first. */
    private static final WindowsFolders[] LONGEST_FIRST = {PROGRAM_FILES_X86, PROGRAM_FILES, PROGRAM_DATA, SYSTEM, WINDOWS};

    private final String key;
    private final String value;
    /** Where a default install puts the folder on its system drive. */
    private final String onDrive;

    WindowsFolders(String key, String value, String onDrive) {
        this.key = key;
        this.value = value;
        this.onDrive = onDrive;
    }

    /** The folder as the machine names it: the known folder on a live Windows, its registry's answer otherwise. */
    public String path(Host host) {
        if (host.files().isLive() && OsFamily.current() == OsFamily.WINDOWS) {
            return live();
        }
        return recorded(host.registry());
    }

    /** The folder as a Windows registry records it; a default install's place on the system drive when it does not. */
    public String recorded(RegistryView registry) {
        if (this == SYSTEM) {
            return WINDOWS.recorded(registry) + "\\System32";
        }
        String drive = systemDrive(registry);
        return registry.value(key, value).map(RegistryValue::asText).map(String::strip)
                .map(text -> expandSystemDrive(text, drive))
                .filter(WindowsFolders::isAbsolute)
                .map(WindowsFolders::withoutTrailingSlash)
                .orElse(drive + onDrive);
    }

    /**
     * This Windows' folder, from SHGetKnownFolderPath. The folder ids are JNA structures, whose first use loads JNA's
     * native library (about 80 ms), so they are named here, where only a live Windows comes, not in the constants.
     */
    public String live() {
        return Shell32Util.getKnownFolderPath(switch (this) {
            case WINDOWS -> KnownFolders.FOLDERID_Windows;
            case SYSTEM -> KnownFolders.FOLDERID_System;
            case PROGRAM_DATA -> KnownFolders.FOLDERID_ProgramData;
            case PROGRAM_FILES -> KnownFolders.FOLDERID_ProgramFiles;
            case PROGRAM_FILES_X86 -> KnownFolders.FOLDERID_ProgramFilesX86;
        });
    }

    /** The drive Windows lives on, {@code C:} on most PCs. */
    public static String systemDrive(Host host) {
        return WINDOWS.path(host).substring(0, 2);
    }

    /** The drive of the registry's {@code SystemRoot}; {@code C:} when it names none. */
    static String systemDrive(RegistryView registry) {
        return registry.value(Keys.NT_CURRENT_VERSION, "SystemRoot").map(RegistryValue::asText).map(String::strip)
                .filter(WindowsFolders::isAbsolute)
                .map(root -> root.substring(0, 2).toUpperCase(Locale.ROOT)).orElse("C:");
    }

    /**
     * The catalog names Windows folders as a default install on C: lays them out ({@code C:\ProgramData\Kaspersky Lab});
     * this is where such a folder is on this machine ({@code D:\ProgramData\Kaspersky Lab} when Windows lives on D:).
     * A path under none of Windows' folders is returned as it is.
     */
    public static String onThisMachine(Host host, String defaultPath) {
        for (WindowsFolders folder : LONGEST_FIRST) {
            Optional<String> rest = under(defaultPath, "C:" + folder.onDrive);
            if (rest.isPresent()) {
                return folder.path(host) + rest.get();
            }
        }
        return defaultPath;
    }

    /** The reverse of {@link #onThisMachine}: a path on this machine as the catalog's default layout names it. */
    public static String asDefaultLayout(Host host, String machinePath) {
        for (WindowsFolders folder : LONGEST_FIRST) {
            Optional<String> rest = under(machinePath, folder.path(host));
            if (rest.isPresent()) {
                return "C:" + folder.onDrive + rest.get();
            }
        }
        return machinePath;
    }

    /** The part of {@code path} after {@code folder} ("" or starting with a backslash), if it lies in it. */
    private static Optional<String> under(String path, String folder) {
        String p = path.toLowerCase(Locale.ROOT);
        String f = folder.toLowerCase(Locale.ROOT);
        if (p.equals(f) || p.startsWith(f + "\\")) {
            return Optional.of(path.substring(folder.length()));
        }
        return Optional.empty();
    }

    private static String expandSystemDrive(String text, String drive) {
        return text.regionMatches(true, 0, "%SystemDrive%", 0, 13) ? drive + text.substring(13) : text;
    }

    private static boolean isAbsolute(String path) {
        return path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':' && path.charAt(2) == '\\';
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 3 && path.endsWith("\\") ? path.substring(0, path.length() - 1) : path;
    }

    /** Registry keys, held apart because an enum's constants cannot name its own static fields. */
    private static final class Keys {
        static final String NT_CURRENT_VERSION = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
        static final String CURRENT_VERSION = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion";
    }
}
