package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store with neither POSIX modes nor persistent ACLs (FAT, exFAT) gets a plain file and the caller is told. */
class OwnerOnlyFileTest {

    @TempDir
    Path dir;

    @Test
    void aFatLikeStoreIsNotTriedAndAPosixOneGetsMode600() throws IOException {
        Path plain = dir.resolve("fat.zip.partial");
        assertThat(OwnerOnlyFile.create(plain, new FatLike())).isFalse();
        assertThat(Files.isRegularFile(plain)).isTrue();

        Path restricted = dir.resolve("ext4.zip.partial");
        assertThat(OwnerOnlyFile.create(restricted)).isTrue();
        assertThat(Files.getPosixFilePermissions(restricted))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    /** What Windows' FileStore answers for a FAT32 or exFAT volume: no POSIX view, no persistent ACLs. */
    static final class FatLike extends FileStore {
        @Override public String name() { return "STICK"; }
        @Override public String type() { return "exFAT"; }
        @Override public boolean isReadOnly() { return false; }
        @Override public long getTotalSpace() { return 1L << 30; }
        @Override public long getUsableSpace() { return 1L << 29; }
        @Override public long getUnallocatedSpace() { return 1L << 29; }
        @Override public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) { return false; }
        @Override public boolean supportsFileAttributeView(String name) { return name.equals("basic"); }
        @Override public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) { return null; }
        @Override public Object getAttribute(String attribute) { return null; }
    }
}
