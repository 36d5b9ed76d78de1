package org.riddance.demo;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A STAND-IN for clamd in the demo sandbox: answers clamd's own protocol (PING, VERSION, INSTREAM; z-prefixed,
 * NUL-terminated, as clamd's manual page describes) on a loopback port, and reports the EICAR test file as
 * {@code Eicar-Signature FOUND}, the name real ClamAV gives it. It runs on daemon threads inside the Riddance
 * process that opened the demo, so nothing is left running once that process ends.
 */
public final class StandInClamd implements AutoCloseable {

    /** The 68 bytes every antivirus detects (eicar.org); matched as text, as the file holds nothing else. */
    private static final String EICAR_MARK = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private final ServerSocket server;
    private final String version;
    private Thread acceptThread;

    private StandInClamd(ServerSocket server, String version) {
        this.server = server;
        this.version = version;
    }

    /**
     * Listens on a free loopback port.
     *
     * @param definitionsAge how old the stand-in's definitions claim to be: a day for a working demo, weeks for
     *                       the failing one
     */
    public static StandInClamd start(Clock clock, Duration definitionsAge) throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        String date = CTIME.format(clock.instant().minus(definitionsAge).atZone(ZoneId.systemDefault()));
        StandInClamd clamd = new StandInClamd(server, "ClamAV 1.4.6/27467/" + date + " (Riddance demo stand-in)");
        Thread accept = new Thread(clamd::acceptLoop, "demo-clamd");
        accept.setDaemon(true);
        clamd.acceptThread = accept;
        accept.start();
        return clamd;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> answer(client), "demo-clamd-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(10_000);
            String command = readCommand(in);
            String reply = switch (command) {
                case "zPING" -> "PONG";
                case "zVERSION" -> version;
                case "zINSTREAM" -> scan(new DataInputStream(in));
                default -> "UNKNOWN COMMAND";
            };
            out.write((reply + "\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the client went away; clamd would just drop the connection too
        }
    }

    private static String readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0 || command.size() > 64) {
                throw new EOFException("no command");
            }
            command.write(b);
        }
        return command.toString(StandardCharsets.US_ASCII);
    }

    private static String scan(DataInputStream in) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int n = in.readInt(); n > 0; n = in.readInt()) {
            if (content.size() + n > 1 << 20) {
                return "INSTREAM size limit exceeded. ERROR";
            }
            content.write(in.readNBytes(n));
        }
        return content.toString(StandardCharsets.ISO_8859_1).contains(EICAR_MARK)
                ? "stream: Eicar-Signature FOUND" : "stream: OK";
    }

    /** Whether it still listens: false once closed, when its accepting thread has ended too. */
    public boolean running() {
        return !server.isClosed() || acceptThread.isAlive();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
