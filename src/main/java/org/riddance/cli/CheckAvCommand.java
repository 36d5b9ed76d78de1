package org.riddance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.Sessions;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusJournal;
import org.riddance.protection.AntivirusReport;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.protection.ProductVerdict;
import org.riddance.protection.Problem;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check-av", mixinStandardHelpOptions = true,
        description = "Checks the replacement antivirus: present, enabled with real-time protection, definitions "
                + "current, not itself banned; with --eicar also the live EICAR test. Exit 0: pass; 1: fail; 2: error.")
final class CheckAvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--eicar", description = "Also run the live EICAR test against the antivirus that would pass.")
    boolean eicar;

    @Option(names = "--max-definitions-age", paramLabel = "DAYS",
            description = "Oldest acceptable antivirus definitions, in days (default: ${DEFAULT-VALUE}).")
    int maxDefinitionsAge = AntivirusRules.DEFAULT_MAX_DEFINITIONS_AGE_DAYS;

    @Option(names = "--eicar-timeout", paramLabel = "SECONDS",
            description = "How long the antivirus has to remove or block the test file (default: ${DEFAULT-VALUE}).")
    int eicarTimeout = EicarTest.DEFAULT_LIMIT_SECONDS;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (maxDefinitionsAge < 0 || eicarTimeout <= 0) {
            err.println("riddance check-av: --max-definitions-age must be 0 or more and --eicar-timeout more than 0");
            return ExitCode.ERROR;
        }
        List<String> problems = new ArrayList<>();
        Progress progress = parent.json() ? Progress.NONE : (done, total, message) -> err.println("  " + message);
        Optional<EicarTest> test = eicar ? Optional.of(new EicarTest(java.time.Duration.ofSeconds(eicarTimeout),
                AntivirusCheck.CLAMD_TIMEOUT)) : Optional.empty();
        Sessions.Checked checked;
        try {
            checked = parent.sessions(problems, err).checkReplacement(maxDefinitionsAge, test, progress, Cancellation.none());
        } catch (IOException e) {
            err.println("riddance check-av: the result could not be written to the session journal: " + e.getMessage());
            return ExitCode.ERROR;
        }
        AntivirusReport report = checked.report();
        if (parent.json()) {
            printJson(report, checked.session(), problems);
        } else {
            printText(report, checked.session(), spec.commandLine().getOut());
        }
        report.sourcesFailed().forEach(f -> err.println("riddance check-av: not read: " + f));
        if (report.pass()) {
            return ExitCode.OK;
        }
        return report.incomplete() ? ExitCode.ERROR : ExitCode.FOUND_OR_FAILED;
    }

    private void printJson(AntivirusReport report, Optional<String> recorded, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "check-av");
        out.put("status", report.pass() ? "pass" : report.incomplete() ? "error" : "fail");
        out.put("checkedAt", report.checkedAt().toString());
        out.put("maxDefinitionsAgeDays", report.maxDefinitionsAgeDays());
        out.put("receipt", AntivirusJournal.record(report));
        List<Map<String, Object>> products = new ArrayList<>();
        for (ProductVerdict v : report.products()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", v.product().id());
            p.put("name", v.product().name());
            p.put("vendor", v.product().vendor());
            p.put("version", v.product().version());
            p.put("source", v.product().source());
            p.put("status", v.status().id());
            p.put("enabled", v.product().enabled().id());
            p.put("realTime", v.product().realTime().id());
            p.put("definitionsAgeDays", v.product().definitionsAgeDays(report.checkedAt()));
            p.put("definitionsVersion", v.product().definitionsVersion());
            p.put("stale", v.product().stale());
            p.put("eicar", new TreeMap<>(Map.of("result", v.eicar().result().id(), "detail", v.eicar().detail(),
                    "cleanedUp", v.eicar().cleanedUp())));
            p.put("problems", v.allProblems().stream().map(x -> new TreeMap<>(Map.of("kind", x.kind().id(),
                    "message", x.message(), "advice", x.advice()))).toList());
            p.put("notes", v.product().notes());
            products.add(p);
        }
        out.put("products", products);
        out.put("advice", report.advice());
        out.put("sourcesFailed", report.sourcesFailed());
        out.put("journal", recorded.orElse(null));
        if (!problems.isEmpty()) {
            out.put("journalProblems", problems);
        }
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printText(AntivirusReport report, Optional<String> recorded, PrintWriter out) {
        if (report.products().isEmpty()) {
            out.println(report.incomplete() ? "No antivirus found, but some sources could not be read (see below)."
                    : "FAIL: no antivirus found on this machine.");
            out.println("  Looked for: Windows Security Center and Defender, ClamAV (clamd.conf), Defender for Endpoint "
                    + "(mdatp), XProtect, and known antivirus packages.");
        }
        for (ProductVerdict v : report.products()) {
            var p = v.product();
            long age = p.definitionsAgeDays(report.checkedAt());
            out.printf("%n%s  %s%s%s%n", v.status().name(), p.name(), p.version().isBlank() ? "" : " " + p.version(),
                    p.stale() ? " (stale entry)" : "");
            out.printf("  source: %s%n", p.source());
            out.printf("  enabled: %s, real-time: %s, definitions: %s%n", p.enabled().id(), p.realTime().id(),
                    age < 0 ? p.definitionsCurrent().map(c -> c ? "up to date (no date given)" : "out of date").orElse("age unknown")
                            : age + " day(s) old" + (p.definitionsVersion().isBlank() ? "" : " (" + p.definitionsVersion() + ")"));
            if (v.eicar().result() != org.riddance.protection.EicarOutcome.Result.NOT_RUN) {
                out.printf("  EICAR test: %s: %s%n", v.eicar().result().id(), v.eicar().detail());
            }
            for (Problem problem : v.allProblems()) {
                out.printf("  - %s: %s%n", problem.message(), problem.advice());
            }
            p.notes().forEach(n -> out.printf("    note: %s%n", n));
        }
        out.println();
        if (!report.products().isEmpty() || report.incomplete()) {
            out.println(report.pass() ? "PASS: the replacement antivirus meets every rule."
                    : report.incomplete() ? "ERROR: the check could not read this machine's antivirus status."
                    : "FAIL: the replacement antivirus does not meet the rules.");
        }
        report.advice().forEach(a -> out.println("  next: " + a));
        recorded.ifPresent(id -> out.println("Recorded in session " + id + "."));
    }
}
