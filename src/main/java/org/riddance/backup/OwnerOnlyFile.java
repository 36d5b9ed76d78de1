package org.riddance.backup;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Creates a file only its owner can read: mode 0600 where the file system has POSIX permissions, an ACL
 * granting the owner alone where it has ACLs (NTFS). FAT and exFAT sticks have neither, which the caller
 * is told so it can say so to the technician.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** @return true when access could be restricted to the owner */
    static boolean create(Path file) throws IOException {
        return create(file, Files.getFileStore(file.getParent()));
    }

    /**
     * Windows hands out an ACL view for every file, FAT or not; only the store says whether ACLs persist there
     * (FILE_PERSISTENT_ACLS), so a FAT or exFAT stick is not even tried. If setting the ACL fails, the file goes
     * again: nothing half-made is left for the caller to find.
     */
    static boolean create(Path file, FileStore store) throws IOException {
        if (store.supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return true;
        }
        Files.createFile(file);
        AclFileAttributeView acl = store.supportsFileAttributeView(AclFileAttributeView.class)
                ? Files.getFileAttributeView(file, AclFileAttributeView.class) : null;
        if (acl == null) {
            return false;
        }
        try {
            UserPrincipal owner = Files.getOwner(file);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
            return true;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
