package org.riddance.ui.backup;

import java.time.Duration;
import java.util.Optional;
import org.riddance.backup.Sizes;
import org.riddance.ui.Messages;

/**
 * Speed and time left of a copy, from the byte counts it reports. The speed is averaged over the whole copy so
 * far rather than the last update, so the estimate does not jump about with every small file.
 */
final class TransferRate {

    private static final long MIN_ELAPSED_NANOS = 500_000_000L;

    private final long startNanos;

    TransferRate(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Bytes per second, once there is enough to go on. */
    Optional<Double> bytesPerSecond(long done, long nowNanos) {
        long elapsed = nowNanos - startNanos;
        if (elapsed < MIN_ELAPSED_NANOS || done <= 0) {
            return Optional.empty();
        }
        return Optional.of(done * 1e9 / elapsed);
    }

    Optional<Duration> timeLeft(long done, long total, long nowNanos) {
        if (total <= 0 || done >= total) {
            return Optional.empty();
        }
        return bytesPerSecond(done, nowNanos).map(rate -> Duration.ofSeconds((long) Math.ceil((total - done) / rate)));
    }

    /** "2 min 5 s", "40 s". */
    static String format(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    /** "120 MB of 300 MB · 45 MB/s · about 4 s left". */
    static String describe(double done, double total, TransferRate rate, long nowNanos) {
        if (done < 0 || total <= 0) {
            return "";
        }
        long d = (long) done;
        long t = (long) total;
        String text = Messages.get("backup.progress.bytes", Sizes.human(d), Sizes.human(t));
        var speed = rate.bytesPerSecond(d, nowNanos);
        if (speed.isPresent()) {
            text += Messages.get("backup.progress.speed", Sizes.human(Math.round(speed.get())));
        }
        var left = rate.timeLeft(d, t, nowNanos);
        if (left.isPresent()) {
            text += Messages.get("backup.progress.left", TransferRate.format(left.get()));
        }
        return text;
    }
}
