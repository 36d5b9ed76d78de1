package org.riddance.removal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why Kaspersky's own protection stopped a removal, named so that the technician is told which and what to do next
 * instead of a bare failure. msiexec says only 1603 (fatal error, learn.microsoft.com, MSI error codes); what it
 * most likely means follows from whether the product takes an uninstall password and whether one was given.
 * Sources: password protection covers "Remove / modify / restore the application" (help.kaspersky.com/KESWin/11/en-US/
 * 123303.htm); a lost password is reset with KLAPR in Safe Mode (Kaspersky KB "I forgot my password"); self-defence
 * blocks changes to the product's files, processes and registry keys while it runs (Kaspersky, "What is antivirus
 * self-defense"; KES training kl_102.98 ch. 4.4). The wizard shows {@code remove.blockage.<id>} in the technician's
 * language; the journal and the command line carry {@link #explain}.
 */
public enum Blockage {
    /** Password protection is on (1603) and no password was given. */
    PASSWORD_NEEDED,
    /** A password was given and the product refused it (1603 again). */
    PASSWORD_REJECTED,
    /** The product's self-defence refused a change to its files, services or keys (access denied). */
    SELF_DEFENCE,
    /** 1603 from a product that takes no password: self-defence or a restart still pending. */
    SELF_DEFENCE_OR_RESTART;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Blockage> fromId(String id) {
        for (Blockage b : values()) {
            if (b.id().equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** What happened and what the technician does next, in English: for the journal and the command line. */
    public String explain(List<String> passwordProperties) {
        String properties = String.join(", ", passwordProperties);
        String lost = "if nobody has it, turn password protection off in the Kaspersky Security Center policy, or "
                + "reset it with Kaspersky's KLAPR tool in Safe Mode";
        return switch (this) {
            case PASSWORD_NEEDED -> "Password protection stopped the uninstall (msiexec 1603) and no password was given. "
                    + "Next: get the uninstall password (" + properties + ") from whoever manages Kaspersky and run the "
                    + "removal again; " + lost + ".";
            case PASSWORD_REJECTED -> "The uninstall password was not accepted (msiexec 1603 with " + properties + "). "
                    + "Next: check the account (KLLOGIN, KLAdmin unless the policy set another) and the password, or for "
                    + "Network Agent the uninstall password of its policy, and run the removal again; " + lost + ".";
            case SELF_DEFENCE -> "Kaspersky's self-defence refused the change (access denied): it guards its files, "
                    + "services and registry keys while the product runs. Next: remove the product itself first (its "
                    + "uninstall, then this clean-up), or turn off Self-Defence in its settings and close it, then run "
                    + "the removal again; if it still refuses, use kavremover in Safe Mode.";
            case SELF_DEFENCE_OR_RESTART -> "Windows Installer stopped the uninstall (msiexec 1603, fatal error): "
                    + "usually a restart still pending from an earlier install, or Kaspersky's self-defence. Next: restart "
                    + "the PC and run the removal again; if it fails again, turn off Self-Defence in the product's "
                    + "settings and close it, or use kavremover.";
        };
    }
}
