package org.riddance.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Riddance at a time per data folder and system root: two back-ups into one folder, or two removals racing
 * each other's package tools, lose work. The lock is an OS file lock on {@code locks/<root>.lock} in the data
 * folder, so the OS drops it when the holder dies (kill -9, a crash, a power cut): a stale lock file never
 * blocks. The file also says who holds it (pid, command, since when), so the second run can say so.
 *
 * <p>The lock covers one byte far past the holder's text: on Windows a lock is mandatory for the bytes it covers,
 * and the text must stay readable to the second run.
 */
public final class SessionLock implements AutoCloseable {

    private static final long MARK = Long.MAX_VALUE - 1;
    private static final int MAX_HOLDER_TEXT = 4096;

    /** Lock files this process holds. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    /** Another run holds the lock; the message names it and says what to do. */
    public static final class HeldException extends IOException {
        private final Map<String, String> holder;

        HeldException(Path file, Map<String, String> holder) {
            super("Another Riddance is already working on this machine (process " + holder.getOrDefault("pid", "?")
                    + ", '" + holder.getOrDefault("command", "?") + "', since " + holder.getOrDefault("since", "?")
                    + "). Wait for it to finish, or close it, then try again. (Lock: " + file + ")");
            this.holder = Map.copyOf(holder);
        }

        public Map<String, String> holder() {
            return holder;
        }
    }

    private SessionLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /**
     * @param root    the system root the run works on ({@code /}, or the {@code --root} folder)
     * @param command what this run is, as the second run should read it ({@code riddance backup --to E:\})
     * @throws HeldException when another process (or another session in this one) holds it
     */
    public static SessionLock acquire(Path dataDir, Path root, String command, Clock clock) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("locks"));
        Path file = folder.resolve(key(root) + ".lock").toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            // this process holds it: a second handle, once closed, would drop the lock on Linux, so none is opened
            throw new HeldException(file, Map.of("pid", String.valueOf(ProcessHandle.current().pid()),
                    "command", "this Riddance window, in another step", "since", "earlier"));
        }
        try {
            return lock(file, root, command, clock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static SessionLock lock(Path file, Path root, String command, Clock clock) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(MARK, 1, false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            Map<String, String> holder = holder(channel);
            channel.close();
            throw new HeldException(file, holder);
        }
        Map<String, String> me = new LinkedHashMap<>();
        me.put("pid", String.valueOf(ProcessHandle.current().pid()));
        me.put("command", command.replaceAll("\\p{Cntrl}", " "));
        me.put("since", clock.instant().toString());
        me.put("root", root.toAbsolutePath().normalize().toString().replaceAll("\\p{Cntrl}", " "));
        StringBuilder text = new StringBuilder();
        me.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new SessionLock(channel, lock, file);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD.remove(file);
        }
    }

    private static Map<String, String> holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_TEXT);
        channel.read(buffer, 0);
        Map<String, String> holder = new LinkedHashMap<>();
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                holder.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return holder;
    }

    /** One lock file per root: its SHA-256, since a path is not a file name on every OS. */
    private static String key(Path root) {
        return "root-" + JournalFormat.sha256(root.toAbsolutePath().normalize().toString()).substring(0, 16);
    }
}
