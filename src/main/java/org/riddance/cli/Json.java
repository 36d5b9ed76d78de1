package org.riddance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** The commands' machine output: one JSON object per run on stdout. */
final class Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds {@code journalProblems} (a broken session journal, reported) to a command's JSON object. */
    static String withProblems(String jsonObject, List<String> problems) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(jsonObject, LinkedHashMap.class);
            map.put("journalProblems", problems);
            return write(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports an error the way every command does: a JSON object or one line on stderr; exit code 2. */
    static int error(CommandSpec spec, boolean json, String command, String error, String message) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("command", command);
            out.put("status", "error");
            out.put("error", error);
            out.put("message", message);
            spec.commandLine().getOut().println(write(out));
        } else {
            spec.commandLine().getErr().println("riddance " + command + ": " + message);
        }
        return ExitCode.ERROR;
    }
}
