package org.riddance.removal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import org.riddance.journal.entry.FiltersBackedUp;
import org.riddance.journal.entry.RemovalCommand;
import org.riddance.journal.entry.RemovalKept;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.RemovalStarted;
import org.riddance.journal.entry.RemovalUninstalled;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.riddance.backup.SafeWalk;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ServiceRemoval;
import org.riddance.platform.WritableRegistry;
import org.riddance.work.Cancellation;

/**
 * Runs one item's actions and says how it went. Exit codes are read as the item's method means them; every command
 * goes to the journal masked, with its exit code and how it ended, before the next one starts.
 */
final class ItemExecutor {

    enum Status { UNINSTALLED, REBOOT_NEEDED, FAILED, SKIPPED }

    /** @param blockage when the vendor's own protection stopped it: which, so the technician is told what to do */
    record Result(Status status, String detail, Optional<Blockage> blockage) {
        Result(Status status, String detail) {
            this(status, detail, Optional.empty());
        }

        static Result blocked(Blockage why, RemovalItem item, String more) {
            return new Result(Status.FAILED, why.explain(item.passwordProperties()) + more, Optional.of(why));
        }
    }

    static final String EXPLAIN_1603 = "msiexec failed with 1603 (fatal error). The usual causes: password protection "
            + "(the uninstall password is needed), Kaspersky's self-defence, or a restart still pending from an earlier "
            + "install.";
    private static final int PASSWORD_ATTEMPTS = 3;

    private final Host host;
    private final RemovalLog log;
    private final RemovalOptions options;
    private final HangPolicy hang;
    private final PasswordPrompt prompt;
    private final RemovalListener listener;
    private final Path sessionDir;
    private final DeletionGuard guard;
    /** What this item's deletes kept, one line per path with why; emptied for each item. */
    private final List<RemovalKept.Kept> kept = new ArrayList<>();

    ItemExecutor(Host host, RemovalLog log, RemovalOptions options, HangPolicy hang, PasswordPrompt prompt,
                 RemovalListener listener, Path sessionDir, DeletionGuard guard) {
        this.guard = guard;
        this.host = host;
        this.log = log;
        this.options = options;
        this.hang = hang;
        this.prompt = prompt;
        this.listener = listener;
        this.sessionDir = sessionDir;
    }

    /** @param withPasswords the same item rebuilt with passwords (MSI 1603 on a password-protected product) */
    Result run(RemovalItem item, Passwords passwords, Function<Passwords, RemovalItem> withPasswords,
               Cancellation cancel) throws IOException {
        log.record(new RemovalStarted(item.id(), item.product(),
                item.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                item.actions().stream().map(Action::describe).toList()));
        listener.status(item.id(), RemovalListener.Status.RUNNING, "");
        listener.log("▶ " + item.product());
        kept.clear();
        Result result = item.blocked().isPresent()
                ? new Result(item.method() == RemovalMethod.MANUAL && item.category() == org.riddance.catalog.Category.EMBEDDED_ENGINE
                        ? Status.SKIPPED : Status.FAILED, item.blocked().get())
                : perform(item, passwords, withPasswords, cancel);
        if (!kept.isEmpty()) {
            log.record(new RemovalKept(item.id(), kept));
            kept.forEach(k -> listener.log("  kept: " + k.describe()));
            result = new Result(result.status(), result.detail() + "; kept, not deleted: " + kept.get(0).describe()
                    + (kept.size() > 1 ? " and " + (kept.size() - 1) + " more" : ""));
        }
        switch (result.status()) {
            case UNINSTALLED, REBOOT_NEEDED -> {
                log.record(new RemovalUninstalled(item.id(), result.status() == Status.REBOOT_NEEDED, result.detail()));
                listener.status(item.id(), result.status() == Status.REBOOT_NEEDED ? RemovalListener.Status.REBOOT_NEEDED
                        : RemovalListener.Status.UNINSTALLED, result.detail());
            }
            case FAILED, SKIPPED -> {
                Outcome outcome = result.status() == Status.FAILED ? Outcome.FAILED : Outcome.SKIPPED;
                log.record(new RemovalOutcome(item.id(), outcome.id(), result.detail(),
                        result.blockage().map(Blockage::id).orElse("")));
                listener.status(item.id(), result.status() == Status.FAILED ? RemovalListener.Status.FAILED
                        : RemovalListener.Status.SKIPPED, result.detail());
                result.blockage().ifPresent(why -> listener.blocked(item.id(), why, item.passwordProperties()));
            }
        }
        listener.log("  " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + result.detail());
        return result;
    }

    private Result perform(RemovalItem item, Passwords passwords, Function<Passwords, RemovalItem> withPasswords,
                           Cancellation cancel) throws IOException {
        boolean flagBefore = rebootFlag();
        boolean msiReboot = false;
        for (Action action : item.actions()) {
            cancel.throwIfCancelled();
            listener.log("  $ " + action.describe());
            Optional<Result> failed;
            if (action instanceof Action.Run run && run.purpose() == Action.Purpose.MSI_UNINSTALL) {
                Result msi = msi(item, run.command(), passwords, withPasswords, cancel);
                if (msi.status() != Status.UNINSTALLED && msi.status() != Status.REBOOT_NEEDED) {
                    return msi;
                }
                msiReboot |= msi.status() == Status.REBOOT_NEEDED;
                failed = Optional.empty();
                if (item.actions().size() == 1) {
                    return msi;
                }
            } else {
                try {
                    failed = perform(item, action, cancel);
                } catch (java.nio.file.AccessDeniedException e) {
                    // Windows says only "access denied"; on the vendor's own files, services and keys that is self-defence
                    return Result.blocked(Blockage.SELF_DEFENCE, item, " Refused: " + action.describe());
                }
            }
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        boolean reboot = msiReboot || (!flagBefore && rebootFlag());
        return reboot ? new Result(Status.REBOOT_NEEDED, "done; a restart is needed to finish")
                : new Result(Status.UNINSTALLED, "done");
    }

    private Optional<Result> perform(RemovalItem item, Action action, Cancellation cancel) throws IOException {
        if (action instanceof Action.Run run) {
            if (run.purpose() == Action.Purpose.UNINSTALL) {
                SupervisedRun.Result r = supervised(item, run.command(), cancel);
                if (r.stoppedAtLimit()) {
                    return Optional.of(new Result(Status.FAILED, "stopped after " + minutes(r.waited())
                            + ": it hung. Restart the PC and try again; the package database may need "
                            + "'dpkg --configure -a' first"));
                }
                if (!r.process().succeeded()) {
                    return Optional.of(new Result(Status.FAILED, run.command().argv().get(0) + " failed (exit "
                            + r.process().exitCode() + "): " + tail(run.command().mask(r.process().stderr()))));
                }
            } else {
                try {
                    ProcessResult r = host.processes().run(run.command(), cancel);
                    journal(item, run.command(), r, false);
                    if (!r.succeeded()) {
                        listener.log("    (not fatal) exit " + r.exitCode() + ": " + tail(run.command().mask(r.stderr())));
                    }
                } catch (IOException e) { // a missing systemctl or launchctl: the uninstall itself decides
                    listener.log("    (not fatal) could not run: " + e.getMessage());
                }
            }
            return Optional.empty();
        }
        if (action instanceof Action.DeleteFolder folder) {
            Path dir = host.files().resolve(folder.systemPath());
            if (!host.files().holds(dir)) {
                return Optional.of(new Result(Status.FAILED, "not deleted: a link on the way to " + folder.systemPath()
                        + " leads outside " + host.files().root()));
            }
            deleteTree(dir, folder.systemPath());
            return Optional.empty();
        }
        if (action instanceof Action.DeleteFile file) {
            Path path = host.files().resolve(file.systemPath());
            if (!host.files().holds(path)) {
                return Optional.of(new Result(Status.FAILED, "not deleted: a link on the way to " + file.systemPath()
                        + " leads outside " + host.files().root()));
            }
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Optional<String> keep = guard.keepFile(file.systemPath(), path);
                if (keep.isPresent()) {
                    kept.add(new RemovalKept.Kept(file.systemPath(), keep.get()));
                } else {
                    Files.deleteIfExists(path);
                }
            }
            return Optional.empty();
        }
        if (action instanceof Action.RemoveService service) {
            try {
                host.services().remove(service.name());
            } catch (ServiceRemoval.Refused e) {
                return Optional.of(new Result(Status.SKIPPED, e.getMessage()));
            }
            return Optional.empty();
        }
        if (!(host.registry() instanceof WritableRegistry registry)) {
            return Optional.of(new Result(Status.FAILED, "this registry cannot be changed (an offline export): clean "
                    + action.describe() + " on the PC itself"));
        }
        if (action instanceof Action.CleanUpperFilters filters) {
            UpperFilters.Change change = UpperFilters.clean(registry, filters.classKey(), filters.remove(),
                    sessionDir.resolve("registry-backup"));
            if (change.changed()) {
                log.record(new FiltersBackedUp(item.id(), change.classKey(), change.removed(), change.after(),
                        change.backup().map(Path::toString).orElse("")));
            }
        } else if (action instanceof Action.DeleteRegistryKey key) {
            Optional<String> keep = registry.exists(key.keyPath()) ? guard.keepKey(key.keyPath()) : Optional.empty();
            if (keep.isPresent()) {
                kept.add(new RemovalKept.Kept(key.keyPath(), keep.get()));
            } else {
                registry.removeKey(key.keyPath());
            }
        }
        return Optional.empty();
    }

    private Result msi(RemovalItem item, Command first, Passwords passwords,
                       Function<Passwords, RemovalItem> withPasswords, Cancellation cancel) throws IOException {
        Command command = first;
        Passwords current = passwords;
        int busy = 0;
        int asked = 0;
        while (true) {
            SupervisedRun.Result r = supervised(item, command, cancel);
            scrubLog(command, current);
            String logFile = command.argv().get(command.argv().size() - 1);
            if (r.stoppedAtLimit() || !r.process().exited()) {
                return new Result(Status.FAILED, "msiexec was stopped after " + minutes(r.waited()) + " (it hung). "
                        + "Restart the PC and try again; if it hangs again, use kavremover. Log: " + logFile);
            }
            int code = r.process().exitCode();
            switch (MsiExit.of(code)) {
                case DONE:
                    return new Result(Status.UNINSTALLED, "msiexec finished (0)");
                case ALREADY_GONE:
                    return new Result(Status.UNINSTALLED, "already gone (" + code + "): Windows Installer no longer has it");
                case REBOOT_NEEDED:
                    return new Result(Status.REBOOT_NEEDED, "removed; Windows needs a restart to finish (" + code + ")");
                case BUSY:
                    if (busy < options.busyRetries()) {
                        Duration wait = options.busyWait().multipliedBy(1L << busy);
                        busy++;
                        listener.log("    another installation is running (1618): trying again in " + wait.toSeconds() + " s");
                        sleep(wait, cancel);
                        listener.log("  $ " + command.describe());
                        continue;
                    }
                    return new Result(Status.FAILED, "another installation kept Windows Installer busy (1618) through "
                            + busy + " retries: let it finish (Windows Update?), then try again");
                case FATAL:
                    if (item.needsPasswords() && asked < PASSWORD_ATTEMPTS) {
                        asked++;
                        Optional<Map<String, String>> typed = prompt.ask(item, EXPLAIN_1603);
                        if (typed.isPresent()) {
                            current = current.with(typed.get());
                            command = runCommand(withPasswords.apply(current));
                            listener.log("  $ " + command.describe());
                            continue;
                        }
                    }
                    return Result.blocked(blockageOf1603(item, current), item, " Log: " + logFile);
                case CANCELLED:
                    return new Result(Status.FAILED, "the uninstall was cancelled (1602); try again");
                default:
                    return new Result(Status.FAILED, "msiexec ended with code " + code + ": see the log " + logFile
                            + "; if it fails again, use kavremover");
            }
        }
    }

    /** Which protection a 1603 most likely is: msiexec does not say, the item and what was given do. */
    static Blockage blockageOf1603(RemovalItem item, Passwords given) {
        if (!item.needsPasswords()) {
            return Blockage.SELF_DEFENCE_OR_RESTART;
        }
        boolean passwordGiven = item.passwordProperties().stream()
                .anyMatch(p -> !p.equals(Passwords.LOGIN) && given.has(p));
        return passwordGiven ? Blockage.PASSWORD_REJECTED : Blockage.PASSWORD_NEEDED;
    }

    private static Command runCommand(RemovalItem item) {
        return item.actions().stream().filter(a -> a instanceof Action.Run r && r.purpose() == Action.Purpose.MSI_UNINSTALL)
                .map(a -> ((Action.Run) a).command()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no msiexec command for " + item.id()));
    }

    private SupervisedRun.Result supervised(RemovalItem item, Command command, Cancellation cancel) throws IOException {
        Duration limit = options.stepTimeout().orElse(command.timeout());
        SupervisedRun.Result r = SupervisedRun.run(host.processes(), command, limit, hang, item, cancel);
        journal(item, command, r.process(), r.stoppedAtLimit());
        return r;
    }

    private void journal(RemovalItem item, Command command, ProcessResult r, boolean stoppedAtLimit) throws IOException {
        log.record(new RemovalCommand(item.id(), command.describe(), r.exitCode(),
                stoppedAtLimit ? "stopped-hung" : r.ending().name().toLowerCase(java.util.Locale.ROOT),
                r.duration().toMillis() / 1000.0, tail(command.mask(r.stdout() + r.stderr()))));
    }

    /** Debian's flag that a restart is needed; a package's postrm sets it. */
    private boolean rebootFlag() {
        return Stream.of("/run/reboot-required", "/var/run/reboot-required")
                .anyMatch(p -> Files.exists(host.files().resolve(p)));
    }

    /**
     * MSI verbose logs can echo property values; whatever the product marks hidden, the passwords typed here are
     * overwritten in the log file, in the encodings msiexec writes.
     */
    private static void scrubLog(Command command, Passwords passwords) {
        Path logFile = Path.of(command.argv().get(command.argv().size() - 1));
        if (passwords.isEmpty() || !Files.isRegularFile(logFile)) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            byte[] scrubbed = bytes;
            for (String secret : passwords.secrets()) {
                for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_8)) {
                    scrubbed = replace(scrubbed, secret.getBytes(cs), "*****".getBytes(cs));
                }
            }
            if (scrubbed != bytes) {
                Files.write(logFile, scrubbed);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ItemExecutor.class).warn("Could not scrub {}: {}", logFile, e.toString());
        }
    }

    static byte[] replace(byte[] in, byte[] what, byte[] with) {
        if (what.length == 0) {
            return in;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        boolean changed = false;
        int i = 0;
        while (i < in.length) {
            if (i + what.length <= in.length && java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                out.writeBytes(with);
                i += what.length;
                changed = true;
            } else {
                out.write(in[i++]);
            }
        }
        return changed ? out.toByteArray() : in;
    }

    /**
     * Deletes the files the back-up holds (or all, when it was waived), then the folders left empty; a file the
     * guard keeps keeps its folders too.
     */
    private void deleteTree(Path dir, String systemPath) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        // never follows links: a link inside is deleted as a link, its target is left alone
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> left = Files.list(p)) {
                    if (left.findAny().isPresent()) {
                        continue; // holds what was kept
                    }
                }
                Files.deleteIfExists(p);
                continue;
            }
            List<String> names = new ArrayList<>();
            dir.relativize(p).forEach(n -> names.add(n.toString()));
            String path = SafeWalk.systemPath(systemPath, names);
            Optional<String> keep = guard.keepFile(path, p);
            if (keep.isPresent()) {
                kept.add(new RemovalKept.Kept(path, keep.get()));
            } else {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(Duration wait, Cancellation cancel) {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            cancel.throwIfCancelled();
            try {
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation.CancelledException();
            }
        }
    }

    private static String minutes(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 600 ? t : "…" + t.substring(t.length() - 600);
    }
}
