package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosixPrivilegesTest {

    @Test
    void pkexecGetsTheDisplayVariablesAndTheSameCommandLineBack() {
        List<String> argv = PosixPrivileges.pkexecArgv(Path.of("/usr/bin/pkexec"), Path.of("/usr/bin/env"),
                Map.of("DISPLAY", ":0", "XAUTHORITY", "/home/ana/.Xauthority", "PATH", "/usr/bin", "SECRET", "x"),
                List.of("/usr/lib/jvm/bin/java", "-jar", "/opt/riddance/riddance.jar", "--data-dir", "/media/usb data"));

        assertThat(argv).containsExactly("/usr/bin/pkexec", "/usr/bin/env", "DISPLAY=:0",
                "XAUTHORITY=/home/ana/.Xauthority", "/usr/lib/jvm/bin/java", "-jar", "/opt/riddance/riddance.jar",
                "--data-dir", "/media/usb data");
    }

    @Test
    void theRealUserIdDecides() {
        boolean root = "root".equals(System.getProperty("user.name"));
        assertThat(new PosixPrivileges(OsFamily.LINUX).elevated()).isEqualTo(root);
    }
}
