package org.riddance.protection;

import java.io.IOException;
import org.riddance.platform.VirusBlock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live EICAR test. The test file is written into a fresh folder inside one the product watches; the test
 * passes when the product deletes it or blocks reading it within the time limit, or when the product's on-demand
 * scanner (clamd) reports it. The file and its folder are removed afterwards whatever happened.
 */
public final class EicarTest {

    /** A compile-time constant, so option defaults can use it without loading this class (and its logger). */
    public static final int DEFAULT_LIMIT_SECONDS = 30;
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(DEFAULT_LIMIT_SECONDS);
    private static final Logger LOG = LoggerFactory.getLogger(EicarTest.class);
    private static final long POLL_MILLIS = 250;

    private final Duration limit;
    private final Duration clamdTimeout;

    public EicarTest(Duration limit, Duration clamdTimeout) {
        this.limit = limit;
        this.clamdTimeout = clamdTimeout;
    }

    /** How long the product has to remove or block the file. */
    public Duration limit() {
        return limit;
    }

    public EicarOutcome run(AntivirusProduct product, Progress progress, Cancellation cancellation) {
        EicarRoute route = product.eicarRoute();
        if (!route.possible()) {
            return new EicarOutcome(EicarOutcome.Result.NOT_POSSIBLE, "the test cannot reach " + product.name(), true);
        }
        Path folder = null;
        Path file = null;
        EicarOutcome.Result result;
        String detail;
        try {
            progress.update(0, limit.toSeconds(), "Writing the EICAR test file");
            Path parent = route.watchedFolder().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            folder = Files.createTempDirectory(parent, "riddance-eicar-");
            file = folder.resolve("eicar-test.com");
            byte[] sample = EicarSample.bytes();
            try {
                Files.write(file, sample);
            } catch (AccessDeniedException e) {
                return finish(EicarOutcome.Result.DETECTED, "the antivirus blocked writing the test file", folder, file);
            } catch (IOException e) {
                if (VirusBlock.is(e)) { // Defender: error 225, "the file contains a virus"
                    return finish(EicarOutcome.Result.DETECTED, "the antivirus refused the test file as a virus ("
                            + e.getMessage() + ")", folder, file);
                }
                throw e;
            }
            Found outcome = route.clamdSocket().isPresent()
                    ? scanWithClamd(route.clamdSocket().get(), file, cancellation)
                    : waitForRemoval(file, sample, progress, cancellation);
            result = outcome.result();
            detail = outcome.detail();
        } catch (Cancellation.CancelledException e) {
            result = EicarOutcome.Result.CANCELLED;
            detail = "cancelled by the technician";
        } catch (IOException e) {
            result = VirusBlock.is(e) ? EicarOutcome.Result.DETECTED : EicarOutcome.Result.ERROR;
            detail = VirusBlock.is(e) ? "the antivirus refused the test file as a virus (" + e.getMessage() + ")"
                    : "the test could not run: " + e.getMessage();
        } catch (RuntimeException e) {
            result = EicarOutcome.Result.ERROR;
            detail = "the test could not run: " + e.getMessage();
        }
        return finish(result, detail, folder, file);
    }

    private Found scanWithClamd(ClamdEndpoint endpoint, Path file, Cancellation cancellation) throws IOException {
        byte[] onDisk = Files.readAllBytes(file); // what clamd gets is what was written to the folder
        String reply = new ClamdClient(endpoint, clamdTimeout).scan(onDisk, cancellation);
        if (reply.endsWith("FOUND")) {
            return new Found(EicarOutcome.Result.DETECTED, "clamd reported " + reply.replaceFirst("^stream:\\s*", ""));
        }
        if (reply.endsWith("OK")) {
            return new Found(EicarOutcome.Result.NOT_DETECTED, "clamd scanned the test file and found nothing: its databases do not "
                    + "detect EICAR");
        }
        return new Found(EicarOutcome.Result.ERROR, "clamd answered: " + reply);
    }

    private Found waitForRemoval(Path file, byte[] sample, Progress progress, Cancellation cancellation) {
        Instant start = Instant.now();
        Instant deadline = start.plus(limit);
        while (true) {
            cancellation.throwIfCancelled();
            long seconds = Duration.between(start, Instant.now()).toSeconds();
            try {
                byte[] now = Files.readAllBytes(file);
                if (!Arrays.equals(now, sample)) {
                    return new Found(EicarOutcome.Result.DETECTED, "the antivirus replaced the test file's content after " + seconds + " s");
                }
            } catch (NoSuchFileException e) {
                return new Found(EicarOutcome.Result.DETECTED, "the antivirus removed the test file after " + seconds + " s");
            } catch (IOException e) {
                return new Found(EicarOutcome.Result.DETECTED, "the antivirus blocked reading the test file after " + seconds + " s ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (!Instant.now().isBefore(deadline)) {
                return new Found(EicarOutcome.Result.NOT_DETECTED, "the test file was still there and readable after "
                        + limit.toSeconds() + " s");
            }
            progress.update(seconds, limit.toSeconds(), "Waiting for the antivirus to react (" + seconds + " s)");
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation.CancelledException();
            }
        }
    }

    private record Found(EicarOutcome.Result result, String detail) {
    }

    private static EicarOutcome finish(EicarOutcome.Result result, String detail, Path folder, Path file) {
        boolean cleaned = cleanUp(folder, file);
        if (!cleaned) {
            detail = detail + "; the test folder " + folder + " could not be removed: delete it by hand";
        }
        LOG.info("EICAR test: {} ({}), cleaned up: {}", result, detail, cleaned);
        return new EicarOutcome(result, detail, cleaned);
    }

    static boolean cleanUp(Path folder, Path file) {
        if (folder == null) {
            return true;
        }
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            try (Stream<Path> left = Files.list(folder)) { // an antivirus may leave a renamed copy behind
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
            return !Files.exists(folder);
        } catch (NoSuchFileException e) {
            return !Files.exists(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove the EICAR test folder {}", folder, e);
            return false;
        }
    }
}
