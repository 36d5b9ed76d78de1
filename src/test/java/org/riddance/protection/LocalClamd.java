package org.riddance.protection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private clamd from the Debian packages for tests and the screenshot tour: a signature database built by
 * sigtool from the run-time EICAR sample (no network, no freshclam), a socket inside a sandbox root, and the
 * sandbox's etc/clamav/clamd.conf pointing at both as /etc/clamav/clamd.conf would. Never the machine's own clamd.
 */
public final class LocalClamd implements AutoCloseable {

    public static final String SIGNATURE = "Riddance.Test.EICAR";

    private final Path work;
    private final Path database;
    private final Process clamd;

    private LocalClamd(Path work, Path database, Process clamd) {
        this.work = work;
        this.database = database;
        this.clamd = clamd;
    }

    /** Why a local clamd cannot run here, if it cannot. */
    public static Optional<String> missing() {
        return program("clamd").isPresent() && program("sigtool").isPresent() ? Optional.empty()
                : Optional.of("clamd and sigtool are not installed (Debian packages clamav and clamav-daemon; .ci/run installs them)");
    }

    public static LocalClamd start(Path root) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("riddance-clamd-");
        Path database = root.resolve("var/lib/clamav");
        Files.createDirectories(database);
        Files.createDirectories(root.resolve("run/clamav"));

        Path sample = work.resolve("sample.bin");
        Files.write(sample, EicarSample.bytes());
        Process md5 = new ProcessBuilder(program("sigtool").orElseThrow().toString(), "--md5", sample.toString())
                .redirectErrorStream(true).start();
        String line = new String(md5.getInputStream().readAllBytes()).strip();
        if (md5.waitFor() != 0 || line.split(":").length != 3) {
            throw new IOException("sigtool --md5 failed: " + line);
        }
        Files.delete(sample);
        String[] fields = line.split(":");
        Files.writeString(database.resolve("riddance.hdb"), fields[0] + ":" + fields[1] + ":" + SIGNATURE + "\n");

        Path socket = root.resolve("run/clamav/clamd.ctl");
        Files.createDirectories(root.resolve("etc/clamav"));
        Files.writeString(root.resolve("etc/clamav/clamd.conf"), """
                # the sandbox machine's view: paths as the machine knows them
                LocalSocket /run/clamav/clamd.ctl
                DatabaseDirectory /var/lib/clamav
                """);
        Path realConf = work.resolve("clamd-test.conf");
        Files.writeString(realConf, "LocalSocket " + socket + "\nDatabaseDirectory " + database + "\nForeground yes\n"
                + "LogFile " + work.resolve("clamd.log") + "\nMaxThreads 2\n"
                + ("root".equals(System.getProperty("user.name")) ? "User root\n" : ""));
        Process clamd = new ProcessBuilder(program("clamd").orElseThrow().toString(), "-c", realConf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("clamd.out").toFile()).start();
        LocalClamd local = new LocalClamd(work, database, clamd);
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.exists(socket) && clamd.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        if (!Files.exists(socket)) {
            String said = Files.exists(work.resolve("clamd.out")) ? Files.readString(work.resolve("clamd.out")) : "";
            local.close();
            throw new IOException("clamd did not open its socket: " + said);
        }
        return local;
    }

    /** The folder clamd loads its signatures from, inside the sandbox root. */
    public Path database() {
        return database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        clamd.destroy();
        if (!clamd.waitFor(20, TimeUnit.SECONDS)) {
            clamd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> all = Files.walk(work)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Optional<Path> program(String name) {
        return Stream.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin").map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }
}
