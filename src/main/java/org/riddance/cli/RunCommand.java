package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.AppContext;
import org.riddance.engine.RemovalHandlers;
import org.riddance.engine.SigningKeys;
import org.riddance.engine.UnattendedRun;
import org.riddance.protection.AntivirusCheck;
import org.riddance.protection.AntivirusRules;
import org.riddance.protection.EicarTest;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalOptions;
import org.riddance.session.SessionInfo;
import org.riddance.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole flow headless: scan, back up, remove, prove, check the replacement, sign the "
                + "receipt. Never prompts. After a restart removal asked for, it runs again by itself at start-up with "
                + "the same arguments and carries on.",
            "Exit 0: everything banned removed and proven gone, the replacement passes, the receipt signed (PASS); "
                + "1: a receipt was signed but it is not PASS; 2: error, or waiting for a restart: no receipt."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--unattended", required = true, description = "Never prompt; fail instead.")
    boolean unattended;

    @Option(names = "--backup-to", paramLabel = "DIR", description = "Where the back-up archive goes.")
    Path backupTo;

    @Option(names = "--no-backup", description = "Remove without a back-up (needs --reason).")
    boolean noBackup;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why there is no back-up; printed on the receipt.")
    String reason;

    @Option(names = "--receipt-to", paramLabel = "DIR", required = true, description = "Where the receipt's files are copied.")
    Path receiptTo;

    @Option(names = "--key", paramLabel = "FILE", description = "The technician keystore (.p12); not used with --demo.")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "The keystore passphrase (first line); else RIDDANCE_PASSPHRASE. A run that may need a restart "
                    + "needs the file: the run after the restart has no environment of yours.")
    Path passphraseFile;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Uninstall passwords, NAME=VALUE a line: KLLOGIN, KLPASSWD, KLUNINSTPASSWD (as typed).")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop an uninstaller still running after this long.")
    Long timeoutSeconds;

    @Option(names = "--no-eicar", description = "Leave out the live EICAR test (the receipt says it did not run).")
    boolean noEicar;

    @Option(names = "--max-definitions-age", paramLabel = "DAYS", description = "Oldest acceptable definitions (default: ${DEFAULT-VALUE}).")
    int maxDefinitionsAge = AntivirusRules.DEFAULT_MAX_DEFINITIONS_AGE_DAYS;

    @Mixin
    SessionFacts facts;

    @Override
    public Integer call() throws IOException {
        boolean json = parent.json();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> refusal = checkOptions();
        if (refusal.isPresent()) {
            return Json.error(spec, json, "run", "refused", refusal.get());
        }
        Optional<SessionInfo> given;
        Passwords passwords;
        try {
            given = facts.given() ? Optional.of(facts.complete()) : Optional.empty();
            passwords = passwordFile == null ? Passwords.none() : Passwords.read(passwordFile);
        } catch (IllegalArgumentException | IOException e) {
            return Json.error(spec, json, "run", "refused", e.getMessage());
        }
        SigningKey signingKey;
        AppContext context;
        try { // before anything is changed (or even looked at): a run that cannot sign must not remove
            signingKey = parent.demo() ? null : technicianKey();
            context = parent.context();
            if (signingKey == null) {
                signingKey = SigningKeys.demo(context);
            }
        } catch (KeyStoreException | IllegalStateException e) {
            return Json.error(spec, json, "run", "key", e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        RemovalHandlers handlers = RemovalHandlers.unattended();
        if (timeoutSeconds != null) {
            handlers = handlers.withOptions(RemovalOptions.defaults().withStepTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))));
        }
        UnattendedRun.Options options = new UnattendedRun.Options(given, Optional.ofNullable(backupTo),
                noBackup ? Optional.of(reason.strip()) : Optional.empty(), receiptTo, passwords, handlers,
                noEicar ? Optional.empty() : Optional.of(new EicarTest(EicarTest.DEFAULT_LIMIT, AntivirusCheck.CLAMD_TIMEOUT)),
                maxDefinitionsAge, relaunchArgs(context));
        UnattendedRun.Result result = new UnattendedRun(parent.sessions(problems, err), line -> {
            err.println("riddance run: " + line);
            err.flush();
        }).run(options, signingKey, Cancellation.none());
        return report(result, problems);
    }

    private Optional<String> checkOptions() {
        if (backupTo != null && noBackup) {
            return Optional.of("give either --backup-to DIR or --no-backup --reason TEXT, not both");
        }
        if (backupTo == null && !noBackup) {
            return Optional.of("say where the back-up goes (--backup-to DIR), or --no-backup --reason TEXT to go without one on record");
        }
        if (noBackup && (reason == null || reason.isBlank())) {
            return Optional.of("--no-backup needs --reason TEXT: why there is no back-up goes on the receipt");
        }
        if (!parent.demo() && key == null) {
            return Optional.of("give the technician's keystore with --key FILE");
        }
        return Optional.empty();
    }

    private SigningKey technicianKey() throws KeyStoreException {
        char[] passphrase = Passphrase.read(passphraseFile, System.getenv(), null);
        try {
            return TechnicianKeystore.open(key, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The same run after a restart: the same options but the Welcome facts, which the journal keeps. */
    private List<String> relaunchArgs(AppContext context) {
        List<String> args = new ArrayList<>(List.of("--data-dir", context.dataDir().toString()));
        if (parent.demo()) {
            args.add("--demo");
        }
        parent.rootOption().ifPresent(r -> args.addAll(List.of("--root", r.toAbsolutePath().toString())));
        if (parent.json()) {
            args.add("--json");
        }
        args.addAll(List.of("run", "--unattended", "--receipt-to", receiptTo.toAbsolutePath().toString()));
        if (backupTo != null) {
            args.addAll(List.of("--backup-to", backupTo.toAbsolutePath().toString()));
        } else {
            args.addAll(List.of("--no-backup", "--reason", reason));
        }
        if (key != null) {
            args.addAll(List.of("--key", key.toAbsolutePath().toString()));
        }
        if (passphraseFile != null) {
            args.addAll(List.of("--passphrase-file", passphraseFile.toAbsolutePath().toString()));
        }
        if (passwordFile != null) {
            args.addAll(List.of("--password-file", passwordFile.toAbsolutePath().toString()));
        }
        if (timeoutSeconds != null) {
            args.addAll(List.of("--timeout", String.valueOf(timeoutSeconds)));
        }
        if (noEicar) {
            args.add("--no-eicar");
        }
        args.addAll(List.of("--max-definitions-age", String.valueOf(maxDefinitionsAge)));
        return args;
    }

    private int report(UnattendedRun.Result result, List<String> problems) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String summary = switch (result.status()) {
            case PASS, NOT_PASS -> ReceiptSummary.lastLine(result.receipt().orElseThrow());
            case RESTART_NEEDED -> "RESTART-NEEDED " + result.session().orElse("") + ": " + result.message();
            case ERROR -> "ERROR " + result.message();
        };
        if (parent.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "run");
            json.put("status", switch (result.status()) {
                case PASS -> "pass";
                case NOT_PASS -> "not-pass";
                case RESTART_NEEDED -> "restart-needed";
                case ERROR -> "error";
            });
            json.put("message", result.message());
            json.put("session", result.session().orElse(null));
            if (result.receipt().isPresent()) {
                json.put("receipt", ReceiptSummary.json(result.receipt().get(), result.copies()));
            }
            if (!problems.isEmpty()) {
                json.put("journalProblems", problems);
            }
            json.put("summary", summary);
            out.println(Json.write(json));
        } else {
            out.println(summary);
        }
        return switch (result.status()) {
            case PASS -> ExitCode.OK;
            case NOT_PASS -> ExitCode.FOUND_OR_FAILED;
            case RESTART_NEEDED, ERROR -> ExitCode.ERROR;
        };
    }
}
