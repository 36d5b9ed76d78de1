package org.riddance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.AppContext;
import org.riddance.engine.Relaunch;
import org.riddance.engine.Remediation;
import org.riddance.engine.RemovalHandlers;
import org.riddance.engine.Sessions;
import org.riddance.backup.ArchiveCheck;
import org.riddance.removal.BackupGate;
import org.riddance.removal.Outcome;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalListener;
import org.riddance.removal.RemovalOptions;
import org.riddance.removal.RemovalPlan;
import org.riddance.removal.RemovalReport;
import org.riddance.removal.RestartRegistration;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes the findings in the catalog's order; refuses without a verified backup unless --no-backup "
                + "--reason TEXT. Exit 0: everything removed and proven gone; 1: something remains, failed, or waits "
                + "for a restart; 2: error or refused.")
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--backup", paramLabel = "ARCHIVE", description = "The backup archive; checked again before anything is removed.")
    Path backup;

    @Option(names = "--no-backup", description = "Remove without a backup (needs --reason).")
    boolean noBackup;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why there is no backup; recorded on the receipt.")
    String reason;

    @Option(names = "--dry-run", description = "Show the removal plan and the exact commands; change nothing.")
    boolean dryRun;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Uninstall passwords, NAME=VALUE a line: KLLOGIN, KLPASSWD, KLUNINSTPASSWD (as typed).")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop an uninstaller still running after this long (default: each step's own limit, 10-20 min).")
    Long timeoutSeconds;

    @Option(names = "--resume", hidden = true, description = "Continue the open session after the restart removal asked for.")
    boolean resume;

    @Mixin
    SessionFacts facts;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> refusal = checkOptions();
        if (refusal.isPresent()) {
            return fail("refused", refusal.get());
        }
        Passwords passwords;
        try {
            passwords = passwordFile == null ? Passwords.none() : Passwords.read(passwordFile);
        } catch (IOException e) {
            return fail("error", "cannot read the password file: " + e.getMessage());
        }
        Optional<SessionInfo> given;
        try {
            given = facts.over(SessionFacts.none());
        } catch (IllegalArgumentException e) {
            return fail("error", e.getMessage());
        }
        AppContext context = parent.context();
        context.catalogWarning().ifPresent(w -> err.println("riddance remove: " + w));
        List<String> problems = new ArrayList<>();
        Sessions sessions = parent.sessions(problems, err);
        if (dryRun) {
            return print("dry-run", sessions.planRemoval(passwords, Cancellation.none()), null, null, ExitCode.OK);
        }
        Optional<Remediation> opened = resume ? sessions.join() : Optional.of(sessions.joinOrStart(given));
        if (opened.isEmpty()) {
            return fail("error", "there is no open session to continue in " + context.dataDir()
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
        }
        try (Remediation session = opened.get()) {
            if (!resume) {
                Optional<String> backupProblem = recordBackup(session);
                if (backupProblem.isPresent()) {
                    return fail("refused", backupProblem.get());
                }
            }
            BackupGate.Decision gate = session.backupGate();
            if (!gate.open()) {
                return fail("refused", "removal refused: " + gate.why());
            }
            session.scan(Progress.NONE, Cancellation.none()); // to show the plan; removal scans again as it starts
            RemovalPlan plan = session.planRemoval(passwords);
            if (!parent.json()) {
                err.println("riddance remove: " + gate.why());
                plan.describe().forEach(err::println);
            }
            RemovalHandlers handlers = RemovalHandlers.unattended().withListener(listener());
            if (timeoutSeconds != null) {
                handlers = handlers.withOptions(RemovalOptions.defaults()
                        .withStepTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))));
            }
            RemovalReport report = session.remove(passwords, handlers,
                    new Relaunch(relaunchArgs(context), RestartRegistration.Mode.DESKTOP), Progress.NONE,
                    Cancellation.none());
            String status = report.rebootPending() ? "restart-needed" : report.allGone() ? "removed" : "remains";
            return print(status, plan, report, session.id(), report.allGone() ? ExitCode.OK : ExitCode.FOUND_OR_FAILED);
        }
    }

    private Optional<String> checkOptions() {
        if (resume || dryRun) {
            return Optional.empty();
        }
        if (backup != null && noBackup) {
            return Optional.of("give either --backup ARCHIVE or --no-backup --reason TEXT, not both");
        }
        if (backup == null && !noBackup) {
            return Optional.of("removal needs a verified backup: give --backup ARCHIVE (made with 'riddance backup --to DIR'), "
                    + "or --no-backup --reason TEXT to go without one on record");
        }
        if (noBackup && (reason == null || reason.isBlank())) {
            return Optional.of("--no-backup needs --reason TEXT: why there is no backup goes on the receipt");
        }
        return Optional.empty();
    }

    /** The archive is checked again here, whatever an earlier step said: removal follows only an intact backup. */
    private Optional<String> recordBackup(Remediation session) throws IOException {
        if (noBackup) {
            session.waiveBackup(reason);
            return Optional.empty();
        }
        ArchiveCheck check = session.acceptArchive(backup, Progress.NONE, Cancellation.none());
        if (!check.intact()) {
            return Optional.of("the backup " + backup + " is not intact: " + String.join("; ", check.problems())
                    + ". Make a new backup before removing anything");
        }
        return Optional.empty();
    }

    private List<String> relaunchArgs(AppContext context) {
        List<String> args = new ArrayList<>(List.of("remove", "--resume", "--data-dir", context.dataDir().toString()));
        if (parent.demo()) {
            args.add("--demo");
        }
        parent.rootOption().ifPresent(r -> args.addAll(List.of("--root", r.toAbsolutePath().toString())));
        if (timeoutSeconds != null) {
            args.addAll(List.of("--timeout", String.valueOf(timeoutSeconds)));
        }
        return args;
    }

    private RemovalListener listener() {
        PrintWriter err = spec.commandLine().getErr();
        return parent.json() ? RemovalListener.NONE : new RemovalListener() {
            @Override
            public void log(String line) {
                err.println(line);
                err.flush();
            }
        };
    }

    private int print(String status, RemovalPlan plan, RemovalReport report, String sessionId, int exit) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (parent.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "remove");
            json.put("status", status);
            if (sessionId != null) {
                json.put("session", sessionId);
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (RemovalItem item : plan.items()) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("id", item.id());
                i.put("product", item.product());
                i.put("method", item.method().name().toLowerCase(java.util.Locale.ROOT));
                i.put("commands", item.actions().stream().map(a -> a.describe()).toList());
                item.blocked().ifPresent(b -> i.put("blocked", b));
                items.add(i);
            }
            json.put("plan", items);
            if (report != null) {
                Map<String, String> outcomes = new LinkedHashMap<>();
                report.items().forEach(i -> outcomes.put(i.id(), i.outcome().map(Outcome::id).orElse("pending-restart")));
                json.put("outcomes", outcomes);
                Map<String, Map<String, String>> blocked = new LinkedHashMap<>();
                report.items().forEach(i -> i.blockage().ifPresent(b -> blocked.put(i.id(),
                        new TreeMap<>(Map.of("blockage", b.id(), "next", i.detail())))));
                json.put("blocked", blocked);
                json.put("remaining", report.remaining());
                json.put("staleSecurityCenter", report.staleSecurityCenter());
                json.put("kept", report.kept());
            }
            out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(json));
        } else if (report == null) {
            plan.describe().forEach(out::println);
            out.println(plan.isEmpty() ? "Nothing to remove." : "Dry run: nothing was changed.");
        } else {
            report.items().forEach(i -> {
                out.printf("%-28s %s%n", i.id(), i.outcome().map(Outcome::id).orElse("waits for the restart"));
                // stopped by Kaspersky's own protection: say which, and what the technician does next
                i.blockage().ifPresent(b -> out.printf("%-28s %s: %s%n", "", b.id(), i.detail()));
            });
            if (report.rebootPending()) {
                out.println("Restart the PC to finish; Riddance starts again by itself afterwards and continues.");
            }
            if (!report.remaining().isEmpty()) {
                out.println("Still found: " + String.join(", ", report.remaining()) + " (see 'riddance scan').");
            }
            report.staleSecurityCenter().forEach(s -> out.println("Security Center still lists " + s
                    + "; Windows normally drops it after the restart."));
            // what no verified back-up holds was not deleted: a new back-up and another run delete it
            report.kept().forEach(k -> out.println("Kept, not in the back-up: " + k));
        }
        return exit;
    }

    private int fail(String status, String message) {
        if (parent.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "remove");
            json.put("status", status);
            json.put("message", message);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getErr().println("riddance remove: " + message);
        }
        return ExitCode.ERROR;
    }
}
