package org.riddance.platform;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import com.sun.jna.platform.win32.Guid;

/**
 * Windows' own folders. Live they come from the shell's known folders (the system drive is not always C:,
 * and Windows may live elsewhere); a sandbox is laid out as a default install on C:, so tests and offline
 * disks read the usual paths under their root.
 */
public enum WindowsFolders {
    WINDOWS(KnownFolders.FOLDERID_Windows, "C:\\Windows"),
    SYSTEM(KnownFolders.FOLDERID_System, "C:\\Windows\\System32"),
    PROGRAM_DATA(KnownFolders.FOLDERID_ProgramData, "C:\\ProgramData"),
    PROGRAM_FILES(KnownFolders.FOLDERID_ProgramFiles, "C:\\Program Files"),
    PROGRAM_FILES_X86(KnownFolders.FOLDERID_ProgramFilesX86, "C:\\Program Files (x86)");

    private final Guid.GUID id;
    private final String sandboxDefault;

    WindowsFolders(Guid.GUID id, String sandboxDefault) {
        this.id = id;
        this.sandboxDefault = sandboxDefault;
    }

    /** The folder as the machine names it: the known folder on a live Windows, the default layout otherwise. */
    public String path(SystemRoot files) {
        return files.isLive() && OsFamily.current() == OsFamily.WINDOWS ? live() : sandboxDefault;
    }

    /** This Windows' folder, from SHGetKnownFolderPath. */
    public String live() {
        return Shell32Util.getKnownFolderPath(id);
    }

    /** The drive Windows lives on, {@code C:} on most PCs. */
    public static String systemDrive(SystemRoot files) {
        return WINDOWS.path(files).substring(0, 2);
    }
}
