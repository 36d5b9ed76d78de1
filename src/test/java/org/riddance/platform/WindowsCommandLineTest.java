package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsCommandLineTest {

    @Test
    void quotesFollowTheCommandLineToArgvRules() {
        assertThat(WindowsCommandLine.join(List.of("-jar", "C:\\Program Files\\Riddance\\riddance.jar")))
                .isEqualTo("-jar \"C:\\Program Files\\Riddance\\riddance.jar\"");
        assertThat(WindowsCommandLine.quote("")).isEqualTo("\"\"");
        assertThat(WindowsCommandLine.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(WindowsCommandLine.quote("C:\\dir with space\\")).isEqualTo("\"C:\\dir with space\\\\\"");
        assertThat(WindowsCommandLine.quote("plain")).isEqualTo("plain");
    }
}
