package org.riddance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.OsFamily;

/** The portable copy's data folder, from each OS's jpackage image layout on a stand-in USB stick. */
class PortableImageTest {

    @TempDir
    Path stick;

    @Test
    void linuxImageWithTheMarkerKeepsItsDataOnTheStick() throws IOException {
        Path launcher = image("Riddance", "bin/Riddance", "lib/app", true);

        Optional<PortableImage> portable = PortableImage.detect(OsFamily.LINUX, Optional.of(launcher.toString()));

        assertThat(portable).map(PortableImage::dataDir).contains(stick.resolve("RiddanceData"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of(), "/root", Optional.empty(), portable))
                .isEqualTo(stick.resolve("RiddanceData"));
    }

    @Test
    void windowsAndMacImagesAreFoundFromTheirOwnLayouts() throws IOException {
        Path exe = image("Riddance", "Riddance.exe", "app", true);
        assertThat(PortableImage.detect(OsFamily.WINDOWS, Optional.of(exe.toString())))
                .map(PortableImage::dataDir).contains(stick.resolve("RiddanceData"));

        Path mac = image("Riddance.app", "Contents/MacOS/Riddance", "Contents/app", true);
        assertThat(PortableImage.detect(OsFamily.MACOS, Optional.of(mac.toString())))
                .map(PortableImage::dataDir).contains(stick.resolve("RiddanceData"));
    }

    @Test
    void anInstalledImageHasNoMarkerAndUsesTheMachineDefault() throws IOException {
        Path launcher = image("riddance", "bin/Riddance", "lib/app", false);

        Optional<PortableImage> portable = PortableImage.detect(OsFamily.LINUX, Optional.of(launcher.toString()));

        assertThat(portable).isEmpty();
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of(), "/root", Optional.empty(), portable))
                .isEqualTo(Path.of("/var/lib/riddance"));
    }

    @Test
    void notStartedByALauncherIsNeverPortable() {
        assertThat(PortableImage.detect(OsFamily.LINUX, Optional.empty())).isEmpty();
        assertThat(PortableImage.detect(OsFamily.LINUX, Optional.of(" "))).isEmpty();
        assertThat(PortableImage.detect(OsFamily.WINDOWS, Optional.of("Riddance.exe"))).as("no parent folder").isEmpty();
    }

    @Test
    void theMarkerInTheWrongLayoutDoesNotCount() throws IOException {
        Path launcher = image("Riddance", "bin/Riddance", "app", true); // Windows' app folder

        assertThat(PortableImage.detect(OsFamily.LINUX, Optional.of(launcher.toString()))).isEmpty();
    }

    @Test
    void theOptionAndTheVariableStillWinOverTheStick() throws IOException {
        Optional<PortableImage> portable = PortableImage.detect(OsFamily.LINUX,
                Optional.of(image("Riddance", "bin/Riddance", "lib/app", true).toString()));
        assertThat(portable).isPresent();

        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of("RIDDANCE_DATA_DIR", "/srv/fleet"), "/root",
                Optional.empty(), portable)).isEqualTo(Path.of("/srv/fleet"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of("RIDDANCE_DATA_DIR", "/srv/fleet"), "/root",
                Optional.of(Path.of("/tmp/cli")), portable)).isEqualTo(Path.of("/tmp/cli"));
    }

    /** Lays out an app image on the stick and returns its launcher's path. */
    private Path image(String name, String launcher, String appFolder, boolean marker)
            throws IOException {
        Path root = stick.resolve(name);
        Path exe = root.resolve(launcher);
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "launcher");
        Path app = Files.createDirectories(root.resolve(appFolder));
        Files.writeString(app.resolve("riddance.jar"), "jar");
        if (marker) {
            Files.writeString(app.resolve(PortableImage.MARKER), "portable");
        }
        return exe;
    }
}
