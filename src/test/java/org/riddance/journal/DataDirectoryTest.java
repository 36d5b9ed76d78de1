package org.riddance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riddance.platform.OsFamily;

class DataDirectoryTest {

    @Test
    void perOperatingSystemAndPrivilege() {
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of(), "/home/ana", Optional.empty()))
                .isEqualTo(Path.of("/var/lib/riddance"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, false, Map.of(), "/home/ana", Optional.empty()))
                .isEqualTo(Path.of("/home/ana/.local/share/riddance"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, false, Map.of("XDG_DATA_HOME", "/data/ana"), "/home/ana",
                Optional.empty())).isEqualTo(Path.of("/data/ana/riddance"));
        assertThat(DataDirectory.resolve(OsFamily.WINDOWS, true, Map.of("ProgramData", "D:\\ProgramData"), "",
                Optional.empty()).toString()).contains("ProgramData").endsWith("Riddance");
        assertThat(DataDirectory.resolve(OsFamily.MACOS, true, Map.of(), "/Users/ana", Optional.empty()))
                .isEqualTo(Path.of("/Library/Application Support/Riddance"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of(), "/root", Optional.of(Path.of("/media/usb/data"))))
                .isEqualTo(Path.of("/media/usb/data"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of("RIDDANCE_DATA_DIR", "/media/usb/riddance"), "/root",
                Optional.empty())).isEqualTo(Path.of("/media/usb/riddance"));
        assertThat(DataDirectory.resolve(OsFamily.LINUX, true, Map.of("RIDDANCE_DATA_DIR", "/media/usb/riddance"), "/root",
                Optional.of(Path.of("/tmp/cli")))).as("the option beats the variable").isEqualTo(Path.of("/tmp/cli"));
    }
}
