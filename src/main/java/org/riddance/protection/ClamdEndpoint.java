package org.riddance.protection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where clamd listens: its local (Unix) socket or a TCP port, as clamd.conf says. */
public record ClamdEndpoint(Path localSocket, String tcpHost, int tcpPort) {

    public static ClamdEndpoint local(Path socket) {
        return new ClamdEndpoint(socket, null, 0);
    }

    public static ClamdEndpoint tcp(String host, int port) {
        return new ClamdEndpoint(null, host, port);
    }

    public boolean isLocal() {
        return localSocket != null;
    }

    SocketAddress address() {
        return isLocal() ? UnixDomainSocketAddress.of(localSocket) : new InetSocketAddress(tcpHost, tcpPort);
    }

    StandardProtocolFamily family() {
        return isLocal() ? StandardProtocolFamily.UNIX : null;
    }

    @Override
    public String toString() {
        return isLocal() ? localSocket.toString() : tcpHost + ":" + tcpPort;
    }
}
