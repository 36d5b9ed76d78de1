package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * What a backed-up file looked like once its copy was taken: size, modification time, and where the file system
 * has them the inode change time and file key. The read-back compares these instead of hashing every source a
 * second time (issue 18): any write changes the size or the modification time, and on Unix file systems even a
 * write whose modification time was set back afterwards (touch -d, a restore tool) moves the change time,
 * which no program can set.
 */
record SourceState(long size, FileTime modified, FileTime changed, Object fileKey) {

    private static final String UNIX = "unix:size,lastModifiedTime,ctime,ino,dev";

    static SourceState of(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> a = Files.readAttributes(file, UNIX, LinkOption.NOFOLLOW_LINKS);
            return new SourceState((Long) a.get("size"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"),
                    a.get("dev") + ":" + a.get("ino"));
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new SourceState(a.size(), a.lastModifiedTime(), null, a.fileKey()); // NTFS: no change time in Java's view
    }

    /** Why the file now differs from this state, or {@code null} when it does not. */
    String difference(SourceState now) {
        if (now.size != size) {
            return "its size is now " + now.size + " bytes, was " + size;
        }
        if (!now.modified.equals(modified)) {
            return "it was modified at " + now.modified;
        }
        if (changed != null && !Objects.equals(now.changed, changed)) {
            return "it was changed at " + now.changed + " (rewritten with its modification time kept, or its owner or permissions changed)";
        }
        if (fileKey != null && !Objects.equals(now.fileKey, fileKey)) {
            return "it was replaced by another file of the same name";
        }
        return null;
    }
}
