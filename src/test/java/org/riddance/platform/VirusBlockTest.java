package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Defender's refusal as Java reports it on Windows: a FileSystemException whose message is the file then
 * FormatMessage's text for ERROR_VIRUS_INFECTED (225); the English text is Windows' own (WinError.h).
 */
class VirusBlockTest {

    static final String ENGLISH_225 = "Operation did not complete successfully because the file contains a virus or "
            + "potentially unwanted software.\r\n";

    @Test
    void theSystemsOwnTextForError225IsRecognisedWhateverFollowsTheFileName() {
        assertThat(VirusBlock.matches("C:\\Users\\tech\\AppData\\Local\\Temp\\riddance-eicar-1\\eicar-test.com: "
                + "Operation did not complete successfully because the file contains a virus or potentially unwanted "
                + "software", List.of(ENGLISH_225))).isTrue();
        assertThat(VirusBlock.matches("C:\\x\\eicar-test.com: The process cannot access the file because it is being "
                + "used by another process", List.of(ENGLISH_225))).isFalse();
        assertThat(VirusBlock.matches(null, List.of(ENGLISH_225))).isFalse();
        assertThat(VirusBlock.matches("anything", List.of("  \r\n"))).as("an empty system text matches nothing").isFalse();
    }
}
