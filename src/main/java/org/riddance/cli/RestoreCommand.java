package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riddance.backup.RestoreResult;
import org.riddance.backup.Restorer;
import org.riddance.backup.Sizes;
import org.riddance.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a back-up archive into an empty folder, checking every entry's name and SHA-256. "
                + "Exit 0: everything restored; 1: some entries refused; 2: error.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "The back-up archive (.zip).")
    Path archive;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "An empty (or new) folder to restore into.")
    Path target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "Restoring", parent.json());
        RestoreResult result;
        try {
            result = Restorer.restore(archive, target, progress, Cancellation.none());
        } catch (IOException e) {
            progress.end();
            return Json.error(spec, parent.json(), "restore", "refused", e.getMessage());
        }
        progress.end();
        if (parent.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "restore");
            m.put("status", result.complete() ? "restored" : "partly-restored");
            m.put("target", result.target().toString());
            m.put("files", result.files());
            m.put("bytes", result.bytes());
            m.put("refused", result.refused());
            out.println(Json.write(m));
        } else {
            out.printf("Restored %d file(s), %s, into %s%n", result.files(), Sizes.human(result.bytes()), result.target());
            result.refused().forEach(r -> out.println("  refused " + r));
        }
        return result.complete() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
    }
}
