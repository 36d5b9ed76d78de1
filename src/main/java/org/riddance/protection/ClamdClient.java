package org.riddance.protection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.riddance.work.Cancellation;

/**
 * clamd's own protocol over its socket ({@code z}-prefixed, NUL-terminated commands): PING, VERSION and
 * INSTREAM. Each command opens its own connection, as clamd expects, and is closed at a time limit or on
 * cancellation.
 */
public final class ClamdClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 64 * 1024;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "clamd-timeout");
        t.setDaemon(true);
        return t;
    });

    private final ClamdEndpoint endpoint;
    private final Duration timeout;

    public ClamdClient(ClamdEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** True when clamd answers PONG. */
    public boolean ping(Cancellation cancellation) throws IOException {
        return command("zPING", null, cancellation).equals("PONG");
    }

    /** {@code ClamAV 1.4.6/27467/Sun Nov 22 09:31:00 2026}, or just {@code ClamAV 1.4.6} without a daily database. */
    public String version(Cancellation cancellation) throws IOException {
        return command("zVERSION", null, cancellation);
    }

    /** Scans bytes sent over the socket; the reply is {@code stream: OK} or {@code stream: NAME FOUND}. */
    public String scan(byte[] content, Cancellation cancellation) throws IOException {
        return command("zINSTREAM", content, cancellation);
    }

    private String command(String command, byte[] stream, Cancellation cancellation) throws IOException {
        cancellation.throwIfCancelled();
        try (SocketChannel channel = endpoint.isLocal() ? SocketChannel.open(endpoint.family()) : SocketChannel.open()) {
            ScheduledFuture<?> limit = TIMER.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
            cancellation.onCancel(() -> closeQuietly(channel));
            try {
                channel.connect(endpoint.address());
                write(channel, (command + "\0").getBytes(StandardCharsets.US_ASCII));
                if (stream != null) {
                    for (int at = 0; at < stream.length; at += CHUNK) {
                        int n = Math.min(CHUNK, stream.length - at);
                        write(channel, ByteBuffer.allocate(4).putInt(n).array());
                        write(channel, java.util.Arrays.copyOfRange(stream, at, at + n));
                    }
                    write(channel, new byte[4]); // a zero-length chunk ends the stream
                }
                return readReply(channel);
            } catch (java.nio.channels.ClosedChannelException e) {
                cancellation.throwIfCancelled();
                throw new SocketTimeoutException("clamd at " + endpoint + " did not answer " + command.substring(1)
                        + " within " + timeout.toSeconds() + " s");
            } finally {
                limit.cancel(false);
            }
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static String readReply(SocketChannel channel) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (reply.size() < MAX_REPLY) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            reply.write(buffer.array(), 0, n);
            if (n > 0 && buffer.array()[n - 1] == 0) {
                break; // clamd ends each z-reply with NUL
            }
        }
        return reply.toString(StandardCharsets.UTF_8).replace("\0", "").strip();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing to stop a wait: nothing more to do
        }
    }
}
