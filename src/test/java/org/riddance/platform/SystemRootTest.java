package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemRootTest {

    @Test
    void aSandboxMapsLinuxAndWindowsPathsUnderItsRoot(@TempDir Path dir) {
        SystemRoot root = SystemRoot.sandbox(dir);

        assertThat(root.resolve("/var/lib/dpkg")).isEqualTo(dir.resolve("var/lib/dpkg"));
        assertThat(root.resolve("C:\\Program Files (x86)\\Kaspersky Lab"))
                .isEqualTo(dir.resolve("C/Program Files (x86)/Kaspersky Lab"));
        assertThat(root.resolve("c:\\ProgramData")).isEqualTo(dir.resolve("C/ProgramData"));
    }

    @Test
    void pathsThatClimbOutOrAreRelativeAreRefused(@TempDir Path dir) {
        SystemRoot root = SystemRoot.sandbox(dir);

        assertThatThrownBy(() -> root.resolve("/opt/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> root.resolve("opt/kaspersky")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> root.resolve("C:relative")).isInstanceOf(IllegalArgumentException.class);
    }
}
