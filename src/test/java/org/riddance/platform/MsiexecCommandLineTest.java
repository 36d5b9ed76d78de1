package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * msiexec's rules, from Microsoft's "Standard Installer Command-Line Options" page: {@code PROPERTY="value"},
 * and its own example for a quote inside a value, {@code PROPERTY="Embedded ""Quotes"" White Space"}.
 */
class MsiexecCommandLineTest {

    @Test
    void aPropertyIsQuotedAfterItsNameWithInnerQuotesDoubled() {
        assertThat(MsiexecCommandLine.argument("PROPERTY=Embedded \"Quotes\" White Space"))
                .isEqualTo("PROPERTY=\"Embedded \"\"Quotes\"\" White Space\"");
        assertThat(MsiexecCommandLine.argument("KLPASSWD=a b")).isEqualTo("KLPASSWD=\"a b\"");
        assertThat(MsiexecCommandLine.argument("KLPASSWD=")).isEqualTo("KLPASSWD=\"\"");
        assertThat(MsiexecCommandLine.argument("KLPASSWD=back\\slash\\")).as("no backslash rules in msiexec")
                .isEqualTo("KLPASSWD=\"back\\slash\\\"");
    }

    @Test
    void theWholeLineKeepsSwitchesAndPathsAsTheyAre() {
        Command c = Command.of("C:\\Windows\\System32\\msiexec.exe", "/x", "{C9EF800D-54AA-4F60-AB96-5A3966550F53}")
                .secretArg("KLPASSWD=p \"w\" d", "p \"w\" d").args("/qn", "/norestart", "/l*v",
                        "C:\\ProgramData\\Riddance\\sessions\\s 1\\kes-windows-uninstall.log")
                .lineRule(Command.LineRule.MSIEXEC).build();
        assertThat(c.windowsCommandLine()).isEqualTo("C:\\Windows\\System32\\msiexec.exe /x "
                + "{C9EF800D-54AA-4F60-AB96-5A3966550F53} KLPASSWD=\"p \"\"w\"\" d\" /qn /norestart /l*v "
                + "\"C:\\ProgramData\\Riddance\\sessions\\s 1\\kes-windows-uninstall.log\"");
        assertThat(c.describe()).doesNotContain("\"w\"").contains("KLPASSWD=*****");
        assertThat(c.withTimeout(java.time.Duration.ofMinutes(1)).lineRule()).isEqualTo(Command.LineRule.MSIEXEC);
    }

    @Test
    void theArgvRuleStillQuotesForCommandLineToArgv() {
        Command c = Command.of("C:\\Program Files\\x.exe", "KLPASSWD=a b").build();
        assertThat(c.windowsCommandLine()).isEqualTo("\"C:\\Program Files\\x.exe\" \"KLPASSWD=a b\"");
    }

    @Test
    void aQuoteOutsideAPropertyOrALineBreakIsRefusedWhenTheCommandIsBuilt() {
        assertThatThrownBy(() -> Command.of("msiexec.exe", "/x", "{A}\" /qn").lineRule(Command.LineRule.MSIEXEC).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quote");
        assertThatThrownBy(() -> MsiexecCommandLine.argument("KLPASSWD=a\r\nb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThat(List.of(MsiexecCommandLine.argument("/qn"), MsiexecCommandLine.argument("")))
                .containsExactly("/qn", "\"\"");
    }
}
