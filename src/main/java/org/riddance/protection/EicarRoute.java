package org.riddance.protection;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the live EICAR test reaches a product: by dropping the file where the product watches and seeing it
 * removed or blocked, and, where the product offers one, by asking its on-demand scanner.
 *
 * @param watchedFolder   a folder the product's real-time protection watches; empty when it watches none known
 * @param clamdSocket     a clamd socket to send the file to (INSTREAM), for ClamAV
 */
public record EicarRoute(Optional<Path> watchedFolder, Optional<ClamdEndpoint> clamdSocket) {

    public static final EicarRoute NONE = new EicarRoute(Optional.empty(), Optional.empty());

    public static EicarRoute watching(Path folder) {
        return new EicarRoute(Optional.of(folder), Optional.empty());
    }

    public boolean possible() {
        return watchedFolder.isPresent() || clamdSocket.isPresent();
    }
}
