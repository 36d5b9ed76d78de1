package org.riddance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Zip entry names: what Windows cannot hold is %-encoded losslessly, and a bad name is named for what it is. */
class EntryNameTest {

    @Test
    void charactersWindowsRefusesBecomeTheirUtf8BytesInPercentForm() {
        assertThat(EntryName.encodeSegment("report:1?.log")).isEqualTo("report%3A1%3F.log");
        assertThat(EntryName.encodeSegment("100% done")).isEqualTo("100%25 done");
        assertThat(EntryName.encodeSegment("tab\there\u0001")).isEqualTo("tab%09here%01");
        assertThat(EntryName.encodeSegment("a\\b<c>d\"e|f*g")).isEqualTo("a%5Cb%3Cc%3Ed%22e%7Cf%2Ag");
        assertThat(EntryName.encodeSegment(".")).isEqualTo("%2E");
        assertThat(EntryName.encodeSegment("..")).isEqualTo("%2E%2E");
    }

    @Test
    void otherScriptsAndCharactersBeyondTheBasicPlaneStayAsTheyAre() {
        assertThat(EntryName.encodeSegment("Отчёт Касперского.txt")).isEqualTo("Отчёт Касперского.txt");
        assertThat(EntryName.encodeSegment("\ud83d\ude00 smile")).isEqualTo("\ud83d\ude00 smile");
        assertThat(EntryName.encodeSegment("Zürich:Ü")).isEqualTo("Zürich%3AÜ");
    }

    @Test
    void aBadEntryNameIsNamedForWhatIsWrong() {
        assertThat(EntryName.problem("settings/kesl.ini")).isNull();
        assertThat(EntryName.problem("settings/a:b")).isEqualTo("character not allowed in file names");
        assertThat(EntryName.problem("settings/a\u0007")).isEqualTo("character not allowed in file names");
        assertThat(EntryName.problem("../etc/passwd")).isEqualTo("'..' in path");
        assertThat(EntryName.problem("C:evil")).isEqualTo("drive letter");
        assertThat(EntryName.problem("a\\b")).isEqualTo("backslash in name");
    }

    @Test
    void aSegmentRiddanceNamesItselfLosesWhatWindowsRefuses() {
        assertThat(EntryName.segment("HKLM/SOFTWARE|Kaspersky* ")).isEqualTo("HKLM_SOFTWARE_Kaspersky_");
        assertThat(EntryName.segment(" .. ")).isEqualTo("_");
        assertThat(EntryName.segment("kes-windows")).isEqualTo("kes-windows");
    }
}
