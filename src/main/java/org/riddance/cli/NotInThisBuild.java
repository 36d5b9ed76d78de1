package org.riddance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
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
        String message = capability + " is not part of this build of Riddance yet; '" + command
                + "' did nothing.";
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("command", command);
            out.put("status", "error");
            out.put("error", "not-available");
            out.put("message", message);
            try {
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            spec.commandLine().getErr().println("riddance " + command + ": " + message);
        }
        return ExitCode.ERROR;
    }
}
