package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parts of the WMI reader that do not need Windows: CIM dates as MSFT_MpComputerStatus returns them. */
class WindowsSecurityCenterTest {

    @Test
    void cimDatesCarryTheirOffsetInMinutes() {
        assertThat(WindowsSecurityCenter.cimDate("20251123081114.000000+000")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("20251123091114.000000+060")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("20251123031114.000000-300")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("")).isEmpty();
        assertThat(WindowsSecurityCenter.cimDate("not a date at all, not at all")).isEmpty();
    }
}
