package org.riddance.cli;

import picocli.CommandLine;

/**
 * What a command says while the capability behind it has not been built: plainly that, with exit code 2,
 * never a pretend result a fleet tool could mistake for a clean scan.
 */
final class NotInThisBuild {

    private NotInThisBuild() {
    }

    static int report(CommandLine.Model.CommandSpec spec, boolean json, String capability) {
        String command = spec.qualifiedName().replaceFirst("^riddance ", "");
        return Json.error(spec, json, command, "not-available",
                capability + " is not part of this build of Riddance yet; '" + command + "' did nothing.");
    }
}
