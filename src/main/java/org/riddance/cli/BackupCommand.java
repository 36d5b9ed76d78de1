package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.riddance.engine.AppContext;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.ArchiveVerifier;
import org.riddance.backup.BackupException;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.PlannedItem;
import org.riddance.backup.Sizes;
import org.riddance.detect.ScanReport;
import org.riddance.engine.Remediation;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up what removal will delete or change for each finding, then verifies the archive by reading it back, "
                + "in the open session (or a new one). "
                + "Exit 0: verified (or nothing to back up); 1: written but the read-back found problems; 2: error.",
        subcommands = BackupCommand.Verify.class)
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--to", paramLabel = "DIR", description = "Destination folder for the archive (required).")
    Path to;

    @Option(names = "--exclude", paramLabel = "ITEM", split = ",",
            description = "Leave out these plan items (product/item, as the plan lists them).")
    Set<String> exclude = Set.of();

    @Option(names = "--registry-export", paramLabel = "FILE.reg", description = "Work from this Windows registry export.")
    Path registryExport;

    @Mixin
    SessionFacts facts;

    @Override
    public Integer call() throws IOException {
        if (to == null) {
            return Json.error(spec, parent.json(), "backup", "no-destination",
                    "Say where the archive goes: backup --to DIR (a folder on a removable drive is best).");
        }
        AppContext context = parent.context();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (registryExport != null) {
            return Json.error(spec, parent.json(), "backup", "offline",
                    "A registry export is another PC's registry: back up on that PC itself (nothing was written).");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "backup");
        List<String> problems = new ArrayList<>();
        Optional<SessionInfo> given;
        try {
            given = facts.over(SessionFacts.none());
        } catch (IllegalArgumentException e) {
            return Json.error(spec, parent.json(), "backup", "bad-facts", e.getMessage());
        }
        try (Remediation session = parent.sessions(problems, err).joinOrStart(given)) {
            json.put("session", session.id());
            if (!problems.isEmpty()) {
                json.put("journalProblems", problems);
            }
            Optional<Path> interrupted = session.interruptedBackup();
            if (interrupted.isPresent()) {
                session.clearInterruptedBackup();
                json.put("interruptedRemoved", interrupted.get().toString());
                if (!parent.json()) {
                    out.println("An interrupted back-up was found and its partial file removed; backing up again: "
                            + interrupted.get());
                }
            }
            ScanReport scan = session.scan(Progress.NONE, Cancellation.none());
            BackupPlan full = session.planBackup(Progress.NONE, Cancellation.none());
            BackupPlan plan = full.only(full.items().stream().map(PlannedItem::key)
                    .filter(k -> !exclude.contains(k)).collect(Collectors.toSet()));
            json.put("plan", full.items().stream().map(BackupCommand::describe).toList());
            json.put("licences", full.licences());
            if (!parent.json()) {
                printPlan(full, out);
            }
            if (plan.available().isEmpty()) {
                String why = scan.findings().isEmpty() ? "no banned products found" : "nothing in the plan can be backed up";
                json.put("status", "nothing-to-back-up");
                json.put("message", why);
                print(json, out, "Nothing to back up: " + why + ".");
                return scan.findings().isEmpty() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
            }
            ConsoleProgress progress = new ConsoleProgress(err, "Backing up", parent.json());
            Remediation.BackupOutcome outcome;
            try {
                outcome = session.backUp(plan, to, progress, Cancellation.none());
            } catch (BackupException e) {
                progress.end();
                json.put("status", "error");
                json.put("error", e.reason().name().toLowerCase().replace('_', '-'));
                json.put("message", e.getMessage());
                print(json, out, null);
                if (!parent.json()) {
                    err.println("riddance backup: " + e.getMessage());
                }
                return ExitCode.ERROR;
            }
            progress.end();
            ArchiveCheck check = outcome.check();
            json.put("status", check.intact() ? "verified" : "problems");
            json.put("archive", check.archive().toString());
            json.put("sha256", check.sha256());
            json.put("bytes", check.bytes());
            json.put("entries", check.entries());
            json.put("skipped", outcome.written().manifest().skipped());
            json.put("problems", check.problems());
            json.put("ownerOnly", outcome.written().ownerOnly());
            if (parent.json()) {
                print(json, out, null);
            } else {
                out.printf("%nArchive: %s%n  %d files, %s, SHA-256 %s%n", check.archive(), check.entries(),
                        Sizes.human(check.bytes()), check.sha256());
                outcome.written().manifest().skipped().forEach(s -> out.println("  not backed up: " + s.source() + " ("
                        + s.reason() + ")"));
                if (!outcome.written().ownerOnly()) {
                    out.println("  note: this drive's file system cannot restrict who reads the archive; keep the drive safe.");
                }
                out.println(check.intact() ? "Verified: every entry read back and matched."
                        : "The read-back found problems; back up again before removing anything:");
                check.problems().forEach(p -> out.println("  - " + p));
            }
            return check.intact() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
        }
    }

    private static Map<String, Object> describe(PlannedItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item.key());
        m.put("product", item.product());
        m.put("what", item.what());
        m.put("source", item.source());
        m.put("bytes", item.bytes());
        m.put("files", item.files());
        if (!item.unreadable().isEmpty()) {
            m.put("unreadable", item.unreadable());
        }
        if (item.problem() != null) {
            m.put("problem", item.problem());
        }
        return m;
    }

    private static void printPlan(BackupPlan plan, PrintWriter out) {
        out.println("Back-up plan:");
        for (PlannedItem item : plan.items()) {
            String size = item.bytes() < 0 ? "made when backing up" : Sizes.human(item.bytes()) + ", " + item.files() + " file(s)";
            out.printf("  %-28s %-10s %s  (%s)%n", item.key(), item.what(), item.source(),
                    item.available() ? size : "skipped: " + item.problem());
            item.unreadable().forEach(u -> out.println("      cannot read: " + u));
        }
        plan.licences().forEach(l -> out.printf("  licence of %s: %s%s%n", l.product(),
                l.keyType().isEmpty() ? "type unknown" : l.keyType(), l.expiry().isEmpty() ? "" : ", " + l.expiry()));
    }

    private void print(Map<String, Object> json, PrintWriter out, String text) {
        if (parent.json()) {
            out.println(Json.write(json));
        } else if (text != null) {
            out.println(text);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks an archive against its manifest. Exit 0: intact; 1: problems found; 2: cannot read it.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        BackupCommand backup;

        @Parameters(index = "0", paramLabel = "ARCHIVE")
        Path archive;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean json = backup.parent.json();
            if (!Files.isRegularFile(archive)) {
                return Json.error(spec, json, "backup verify", "not-found", "There is no archive at " + archive);
            }
            ArchiveCheck check;
            try {
                check = ArchiveVerifier.verify(archive, Progress.NONE, Cancellation.none());
            } catch (IOException e) {
                return Json.error(spec, json, "backup verify", "unreadable", "Cannot read " + archive + ": " + e.getMessage());
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("command", "backup verify");
                m.put("status", check.intact() ? "intact" : "problems");
                m.put("archive", archive.toString());
                m.put("sha256", check.sha256());
                m.put("bytes", check.bytes());
                m.put("entries", check.entries());
                m.put("problems", check.problems());
                out.println(Json.write(m));
            } else {
                out.printf("%s%n  %d files, %s, SHA-256 %s%n", archive, check.entries(), Sizes.human(check.bytes()), check.sha256());
                out.println(check.intact() ? "Intact: every entry matches the manifest." : "Problems:");
                check.problems().forEach(p -> out.println("  - " + p));
            }
            return check.intact() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
        }
    }
}
