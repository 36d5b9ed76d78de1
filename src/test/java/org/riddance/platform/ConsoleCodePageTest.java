package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Windows' console code pages as Java names them; 866 is what a Russian Windows console prints in. */
class ConsoleCodePageTest {

    @Test
    void theUsualConsoleCodePagesDecodeAsWindowsWritesThem() {
        byte[] sluzhba866 = {(byte) 0x91, (byte) 0xAB, (byte) 0xE3, (byte) 0xA6, (byte) 0xA1, (byte) 0xA0}; // "Служба"
        assertThat(new String(sluzhba866, ConsoleCodePage.forCodePage(866))).isEqualTo("Служба");
        assertThat(new String(new byte[] {(byte) 0x81}, ConsoleCodePage.forCodePage(437))).isEqualTo("ü");
        assertThat(ConsoleCodePage.forCodePage(1252).name()).isEqualTo("windows-1252");
        assertThat(ConsoleCodePage.forCodePage(65001)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCodePage.forCodePage(99999)).as("unknown: UTF-8 rather than a failure").isEqualTo(StandardCharsets.UTF_8);
    }
}
