package org.riddance.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.Hosts;

/** The demo's sandbox in the data folder: built with the real dpkg the first time a {@code --demo} command needs it. */
final class DemoSandboxes {

    private DemoSandboxes() {
    }

    /** The sandbox, built now when there is none; a command never acts on this machine instead. */
    static Path ready(Path dataDir) {
        Path folder = DemoSandbox.folder(dataDir);
        if (Files.isDirectory(folder.resolve("var/lib/dpkg"))) {
            return folder;
        }
        try {
            return DemoSandbox.rebuild(folder, Hosts.live().processes());
        } catch (IOException e) {
            throw new UncheckedIOException("The demo sandbox could not be built in " + folder + ": " + e.getMessage(), e);
        }
    }
}
