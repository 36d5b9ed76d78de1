package org.riddance.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.Command;
import org.riddance.platform.DefenderStatus;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.WindowsFolders;
import org.riddance.work.Cancellation;

/**
 * After the banned product is gone and no other antivirus is on, Microsoft Defender is what protects the PC:
 * its definitions are updated ({@code MpCmdRun.exe -SignatureUpdate}, Microsoft's command-line tool) before the
 * replacement check, else an unattended run fails on days-old definitions. Riddance does not switch Defender on
 * itself (Tamper Protection forbids programs to); if it is off the technician is told where to turn it on.
 */
public final class DefenderAfterRemoval {

    static final String MPCMDRUN = "Windows Defender\\MpCmdRun.exe";
    static final Duration UPDATE_LIMIT = Duration.ofMinutes(10);

    /** @param updated whether the definitions update ran and succeeded; {@code advice}: what the technician does */
    public record Outcome(boolean updated, Optional<String> advice) {
        static Outcome nothingToDo() {
            return new Outcome(false, Optional.empty());
        }
    }

    private DefenderAfterRemoval() {
    }

    public static Outcome prepare(Host host, Cancellation cancel) throws IOException {
        if (host.os().family() != OsFamily.WINDOWS || anotherAntivirusIsOn(host)) {
            return Outcome.nothingToDo();
        }
        Optional<DefenderStatus> before = host.securityCenter().defender();
        if (before.isEmpty()) {
            return new Outcome(false, Optional.of("No other antivirus is on and Microsoft Defender was not found: install "
                    + "an antivirus before finishing"));
        }
        String tool = WindowsFolders.PROGRAM_FILES.path(host) + "\\" + MPCMDRUN;
        ProcessResult update = host.processes().run(Command.of(host.files().resolve(tool).toString(), "-SignatureUpdate")
                .timeout(UPDATE_LIMIT).build(), cancel);
        boolean updated = update.succeeded();
        Optional<DefenderStatus> after = host.securityCenter().defender();
        DefenderStatus d = after.orElse(before.get());
        if (!d.antivirusEnabled() || !d.realTimeProtectionEnabled()) {
            return new Outcome(updated, Optional.of("Microsoft Defender is " + (d.antivirusEnabled() ? "on but its "
                    + "real-time protection is off" : "off") + ": open Windows Security, Virus & threat protection, "
                    + "Manage settings, and turn Real-time protection on; then check the replacement again"));
        }
        if (!updated) {
            return new Outcome(false, Optional.of("Defender's definitions could not be updated (MpCmdRun exit "
                    + update.exitCode() + "): connect the PC to the internet and run Windows Update, then check again"));
        }
        return new Outcome(true, Optional.empty());
    }

    /** A non-Microsoft product Security Center reports on, whose program still exists. */
    private static boolean anotherAntivirusIsOn(Host host) throws IOException {
        List<AntivirusRegistration> products = host.securityCenter().antivirusProducts();
        return products.stream().anyMatch(r -> {
            ProductState state = ProductState.decode(r.productState());
            return !state.microsoftOwned() && state.on() && !r.programMissing(host);
        });
    }
}
