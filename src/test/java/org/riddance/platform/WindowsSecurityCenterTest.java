package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The parts of the WMI reader that do not need Windows, fed values typed as WMI hands them to JNA: CIM dates as
 * MSFT_MpComputerStatus returns them, uint32 in a signed VT_I4 (learn.microsoft.com, "MSFT_MpComputerStatus class":
 * AntivirusSignatureAge is a uint32 and reads 4294967295 when Defender never updated).
 */
class WindowsSecurityCenterTest {

    @Test
    void cimDatesCarryTheirOffsetInMinutes() {
        assertThat(WindowsSecurityCenter.cimDate("20251123081114.000000+000")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("20251123091114.000000+060")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("20251123031114.000000-300")).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(WindowsSecurityCenter.cimDate("")).isEmpty();
        assertThat(WindowsSecurityCenter.cimDate("not a date at all, not at all")).isEmpty();
    }

    @Test
    void aDefenderThatNeverUpdatedReportsAnUnknownAgeNotFourBillionDays() {
        java.util.Map<WindowsSecurityCenter.MpProperty, Object> wmi = new java.util.EnumMap<>(WindowsSecurityCenter.MpProperty.class);
        wmi.put(WindowsSecurityCenter.MpProperty.AMServiceEnabled, Boolean.TRUE);
        wmi.put(WindowsSecurityCenter.MpProperty.AntivirusEnabled, Boolean.TRUE);
        wmi.put(WindowsSecurityCenter.MpProperty.AntivirusSignatureAge, -1); // 4294967295 in a VT_I4
        wmi.put(WindowsSecurityCenter.MpProperty.AntivirusSignatureLastUpdated, "20251123081114.000000+000");
        wmi.put(WindowsSecurityCenter.MpProperty.AMRunningMode, "Normal");

        DefenderStatus status = WindowsSecurityCenter.defenderStatus(wmi::get);

        assertThat(status.signatureAgeDays()).isEqualTo(-1);
        assertThat(status.signatureUpdated()).contains(Instant.parse("2025-11-23T08:11:14Z"));
        assertThat(status.realTimeProtectionEnabled()).as("a property WMI left null is off").isFalse();
        assertThat(status.activeMode()).isTrue();
    }
}
