package org.riddance.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riddance.engine.AppContext;
import java.util.ArrayList;
import java.util.List;
import org.riddance.engine.Sessions;
import org.riddance.detect.Evidence;
import org.riddance.detect.Finding;
import org.riddance.detect.FindingsExport;
import org.riddance.detect.ScanReport;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Detects banned products, with evidence for each finding. Exit 0: nothing banned; 1: banned "
                + "products found; 2: error, or a source could not be read and nothing was found.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--registry-export", paramLabel = "FILE.reg",
            description = "Scan this Windows registry export (regedit or reg export) offline instead of this machine.")
    Path registryExport;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the findings as CSV to FILE.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        AppContext context = parent.context();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        context.catalogWarning().ifPresent(w -> err.println("riddance scan: " + w));
        Host host;
        try {
            host = ScanTarget.host(parent, registryExport);
        } catch (ScanTarget.UnreadableExport e) {
            err.println("riddance scan: " + e.getMessage());
            return ExitCode.ERROR;
        }
        List<String> problems = new ArrayList<>();
        // an export is another machine: its scan joins no session of this one
        Sessions sessions = registryExport == null ? parent.sessions(problems, err)
                : new Sessions(context.withHost(host), problems::add);
        ScanReport report = sessions.scan(Progress.NONE, Cancellation.none());
        if (csv != null) {
            Files.writeString(csv, FindingsExport.toCsv(report));
        }
        if (parent.json()) {
            out.println(problems.isEmpty() ? FindingsExport.toJson(report, context.catalog().source())
                    : Json.withProblems(FindingsExport.toJson(report, context.catalog().source()), problems));
        } else {
            printText(report, out);
        }
        report.sourcesFailed().forEach(f -> err.println("riddance scan: not read: " + f));
        if (report.bannedFound()) {
            return ExitCode.FOUND_OR_FAILED;
        }
        return report.complete() ? ExitCode.OK : ExitCode.ERROR;
    }

    private static void printText(ScanReport report, PrintWriter out) {
        out.printf("Scanned %s (%s)%s with catalog %s%n", report.hostname(), report.os(),
                report.sandbox() ? " [sandbox]" : "", report.catalogVersion());
        if (report.findings().isEmpty()) {
            out.println(report.complete() ? "No banned products found."
                    : "Nothing banned found, but the scan is incomplete (see below): this is not a clean result.");
            return;
        }
        out.printf("%d banned item(s) found:%n", report.findings().size());
        for (Finding f : report.findings()) {
            out.printf("%n  %s%s  [%s%s]%n", f.product(), f.version().isEmpty() ? "" : " " + f.version(),
                    f.category().id(), f.removable() ? ", removable" : "");
            for (Evidence e : f.evidence()) {
                out.printf("    - %s: %s%n      %s%n", e.kind().id(), e.location(), e.detail());
            }
            out.printf("    banned by: %s%n", String.join(", ", f.citations().stream().map(c -> c.id()).toList()));
        }
    }
}
