package org.riddance.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Microsoft Defender Antivirus as {@code MSFT_MpComputerStatus} ({@code root\Microsoft\Windows\Defender}) reports
 * it; the same fields {@code Get-MpComputerStatus} prints.
 *
 * @param signatureAgeDays  {@code AntivirusSignatureAge}; -1 when not reported
 * @param signatureUpdated  {@code AntivirusSignatureLastUpdated}, when reported
 * @param runningMode       {@code AMRunningMode}: "Normal", "Passive Mode", "EDR Block Mode", "SxS Passive Mode"...
 */
public record DefenderStatus(boolean serviceEnabled, boolean antivirusEnabled, boolean realTimeProtectionEnabled,
                             int signatureAgeDays, Optional<Instant> signatureUpdated, String signatureVersion,
                             String engineVersion, String productVersion, String runningMode, boolean tamperProtected) {

    /** Defender is the active antivirus, not standing by in passive mode beside another product. */
    public boolean activeMode() {
        return runningMode.isBlank() || runningMode.equalsIgnoreCase("Normal");
    }
}
