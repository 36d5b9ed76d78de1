package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.Category;
import org.riddance.detect.Detector;
import org.riddance.detect.Finding;
import org.riddance.detect.ScanReport;
import org.riddance.journal.entry.PlannedRemoval;
import org.riddance.journal.entry.RebootPending;
import org.riddance.journal.entry.RemovalCompleted;
import org.riddance.journal.entry.RemovalKept;
import org.riddance.journal.entry.RemovalOutcome;
import org.riddance.journal.entry.RemovalPlanned;
import org.riddance.journal.entry.RemovalRescan;
import org.riddance.journal.entry.RemovalResumed;
import org.riddance.platform.AntivirusRegistration;
import org.riddance.platform.Host;
import org.riddance.work.Cancellation;
import org.riddance.work.Progress;

/**
 * One removal, from plan to proof, able to stop for a restart and pick up again from the journal.
 *
 * <p>Run: the items in plan order (what the journal says already ran is not run again); then a rescan and the
 * cleanup of what is left (UpperFilters before driver services, so the restart keeps keyboard and mouse); then, if
 * anything needs it, one restart: Riddance registers to start again and stops here. Otherwise (or after the
 * restart) a last rescan proves what is gone, each item gets its {@code removal.outcome}, the registration goes.
 */
public final class RemovalSession {

    private final Host host;
    private final Catalog catalog;
    private final Detector detector;
    private final RemovalLog log;
    private final Path sessionDir;
    private final RemovalOptions options;
    private final HangPolicy hang;
    private final PasswordPrompt prompt;
    private final RemovalListener listener;
    private final List<String> relaunchArgv;
    private final RestartRegistration.Mode restartMode;

    public RemovalSession(Host host, Catalog catalog, Detector detector, RemovalLog log, Path sessionDir,
                          RemovalOptions options, HangPolicy hang, PasswordPrompt prompt, RemovalListener listener,
                          List<String> relaunchArgv) {
        this(host, catalog, detector, log, sessionDir, options, hang, prompt, listener, relaunchArgv,
                RestartRegistration.Mode.DESKTOP);
    }

    /**
     * @param relaunchArgv how to start Riddance again after a restart
     * @param restartMode  at the next log-on (the wizard), or at start-up with nobody logged on (the unattended run)
     */
    public RemovalSession(Host host, Catalog catalog, Detector detector, RemovalLog log, Path sessionDir,
                          RemovalOptions options, HangPolicy hang, PasswordPrompt prompt, RemovalListener listener,
                          List<String> relaunchArgv, RestartRegistration.Mode restartMode) {
        this.restartMode = restartMode;
        this.host = host;
        this.catalog = catalog;
        this.detector = detector;
        this.log = log;
        this.sessionDir = sessionDir;
        this.options = options;
        this.hang = hang;
        this.prompt = prompt;
        this.listener = listener;
        this.relaunchArgv = List.copyOf(relaunchArgv);
    }

    public RemovalPlanner planner() {
        return new RemovalPlanner(catalog, host, sessionDir);
    }

    /** Where the journal says removal stands. */
    public RemovalState state() throws IOException {
        return RemovalState.of(log.records());
    }

    /** True when a restart is still owed: the journal asked for one and this is the same boot. */
    public boolean waitingForRestart() throws IOException {
        RemovalState state = state();
        return state.rebootPending() && BootId.same(state.rebootPendingBootId().get(), BootId.of(host));
    }

    public RemovalReport run(List<Finding> findings, Passwords passwords, Progress progress, Cancellation cancel)
            throws IOException {
        RemovalRights.require(host); // before anything runs, for the wizard and the command line alike
        RemovalState state = state();
        String boot = BootId.of(host);
        if (state.rebootPending()) {
            if (BootId.same(state.rebootPendingBootId().get(), boot)) {
                listener.log("The PC has not restarted yet: restart it, and Riddance continues by itself.");
                return report(state, true, List.of(), List.of());
            }
            log.record(new RemovalResumed(boot, true));
            listener.log("Continuing after the restart.");
            state = state();
        }
        RemovalPlanner planner = planner();
        RemovalPlan plan = planner.plan(findings, passwords);
        Map<String, Finding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.put(f.productId(), f));
        log.record(new RemovalPlanned(plan.items().stream()
                .map(i -> new PlannedRemoval(i.id(), i.product(), i.order())).toList()));
        // the journal's back-up decision, read once: every delete of this run is checked against it
        DeletionGuard guard = DeletionGuard.of(log.records());
        ItemExecutor executor = new ItemExecutor(host, log, options, hang, prompt, listener, sessionDir, guard);
        Set<String> rebootOwed = new LinkedHashSet<>(state.needReboot());
        Set<String> attempted = new LinkedHashSet<>();
        int total = plan.items().size() + 2;
        int done = 0;
        for (RemovalItem item : plan.items()) {
            cancel.throwIfCancelled();
            progress.update(done++, total, item.product());
            if (state.done(item.id())) {
                continue;
            }
            attempted.add(item.id());
            ItemExecutor.Result r = executor.run(item, passwords, pw -> planner.item(byId.get(item.id()), pw), cancel);
            if (r.status() == ItemExecutor.Status.REBOOT_NEEDED) {
                rebootOwed.add(item.id());
            }
        }
        progress.update(done++, total, "rescan and leftovers");
        sweep(planner, passwords, attempted, guard, cancel);
        if (!rebootOwed.isEmpty()) {
            new RestartRegistration(host).register(relaunchArgv, restartMode);
            log.record(new RebootPending(boot, List.copyOf(rebootOwed)));
            listener.log("A restart is needed to finish (" + String.join(", ", rebootOwed)
                    + "). Riddance starts again by itself after it and continues.");
            progress.update(total, total, "restart needed");
            return report(state(), true, List.of(), List.of());
        }
        progress.update(done, total, "proof rescan");
        RemovalReport report = prove(cancel);
        progress.update(total, total, "done");
        return report;
    }

    /**
     * Leftovers and stray drivers the rescan shows. Cleaning can uncover more (a vendor folder left empty once its
     * product folders are gone), so it rescans and goes on while a round finds something new, at most three rounds.
     */
    private void sweep(RemovalPlanner planner, Passwords passwords, Set<String> attempted, DeletionGuard guard,
                       Cancellation cancel) throws IOException {
        ItemExecutor executor = new ItemExecutor(host, log, options, hang, prompt, listener, sessionDir, guard);
        Set<String> seen = new LinkedHashSet<>(attempted);
        for (int round = 0; round < 3; round++) {
            ScanReport rescan = detector.scan(host, catalog, Progress.NONE, cancel);
            boolean ranAny = false;
            for (Finding f : rescan.findings()) {
                if (f.category() != Category.LEFTOVER && f.category() != Category.DRIVER) {
                    continue;
                }
                RemovalItem item = planner.item(f, passwords);
                String key = f.productId() + " " + item.actions().stream().map(Action::describe).toList();
                if (item.blocked().isEmpty() && seen.add(key)) {
                    executor.run(item, passwords, pw -> item, cancel);
                    ranAny = true;
                }
            }
            if (!ranAny) {
                return;
            }
        }
    }

    private RemovalReport prove(Cancellation cancel) throws IOException {
        ScanReport proof = detector.scan(host, catalog, Progress.NONE, cancel);
        List<String> remaining = proof.findings().stream().map(Finding::productId).toList();
        log.record(new RemovalRescan(remaining, proof.complete()));
        RemovalState state = state();
        for (String id : state.started()) {
            Optional<Outcome> had = Optional.ofNullable(state.outcomes().get(id));
            if (had.isPresent() && had.get() == Outcome.SKIPPED) {
                continue;
            }
            boolean stillThere = remaining.contains(id) || !proof.complete();
            Outcome outcome = stillThere ? Outcome.FAILED
                    : state.cleanups().contains(id) ? Outcome.CLEANED : Outcome.REMOVED;
            if (had.isPresent() && had.get() == outcome) {
                continue;
            }
            String detail = stillThere ? (proof.complete() ? keptOf(id).map(k -> "the rescan still finds it, as removal "
                    + "kept what no verified back-up holds: " + k + "; back up again and run removal again to delete it")
                    .orElse("the rescan still finds it: see its evidence in the scan")
                    : "the rescan could not read every source, so removal is not proven")
                    : "the rescan no longer finds it";
            log.record(new RemovalOutcome(id, outcome.id(), detail));
            listener.status(id, switch (outcome) {
                case REMOVED -> RemovalListener.Status.REMOVED;
                case CLEANED -> RemovalListener.Status.CLEANED;
                case FAILED -> RemovalListener.Status.FAILED;
                case SKIPPED -> RemovalListener.Status.SKIPPED;
            }, detail);
        }
        List<String> stale = staleSecurityCenter();
        RestartRegistration registration = new RestartRegistration(host);
        if (registration.isRegistered()) {
            registration.unregister();
        }
        RemovalState end = state();
        List<String> kept = stillKept();
        RemovalCompleted summary = new RemovalCompleted(count(end, Outcome.REMOVED), count(end, Outcome.CLEANED),
                count(end, Outcome.FAILED), count(end, Outcome.SKIPPED), remaining, stale, kept);
        log.record(summary);
        listener.log("Removal finished: " + summary.removed() + " removed, " + summary.cleaned() + " cleaned, "
                + summary.failed() + " failed, " + summary.skipped() + " skipped"
                + (remaining.isEmpty() ? "" : "; still found: " + String.join(", ", remaining))
                + (kept.isEmpty() ? "" : "; kept, not in the back-up: " + kept.size()));
        return new RemovalReport(report(end, false, stale, remaining).items(), false, stale, remaining, kept);
    }

    /** The first path removal kept for an item, with why. */
    private Optional<String> keptOf(String id) throws IOException {
        return log.records().stream().flatMap(r -> r.as(RemovalKept.class).stream()).filter(k -> k.id().equals(id))
                .flatMap(k -> k.kept().stream()).map(RemovalKept.Kept::describe).findFirst();
    }

    /** What this session's deletes kept (journaled as {@code removal.kept}) and is still there, each with why. */
    private List<String> stillKept() throws IOException {
        Map<String, String> kept = new LinkedHashMap<>();
        for (org.riddance.journal.JournalRecord r : log.records()) {
            r.as(RemovalKept.class).ifPresent(k -> k.kept().forEach(p -> kept.put(p.path(), p.describe())));
        }
        kept.keySet().removeIf(path -> !stillThere(path));
        return List.copyOf(kept.values());
    }

    private boolean stillThere(String path) {
        if (path.regionMatches(true, 0, "HKEY_", 0, 5)) {
            return host.registry().exists(path);
        }
        try {
            return java.nio.file.Files.exists(host.files().resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long count(RemovalState state, Outcome outcome) {
        return state.outcomes().values().stream().filter(outcome::equals).count();
    }

    private List<String> staleSecurityCenter() {
        List<String> stale = new ArrayList<>();
        try {
            for (AntivirusRegistration av : host.securityCenter().antivirusProducts()) {
                if (catalog.vendors().stream().anyMatch(v -> v.names(av.displayName()))) {
                    stale.add(av.displayName() + " (" + av.instanceGuid() + ")");
                }
            }
        } catch (IOException e) {
            listener.log("Security Center could not be read: " + e.getMessage());
        }
        return stale;
    }

    private static RemovalReport report(RemovalState state, boolean rebootPending, List<String> stale,
                                        List<String> remaining) {
        List<RemovalReport.Item> items = new ArrayList<>();
        for (String id : state.started()) {
            items.add(new RemovalReport.Item(id, Optional.ofNullable(state.outcomes().get(id)),
                    state.needReboot().contains(id) ? "waiting for the restart" : state.details().getOrDefault(id, ""),
                    Optional.ofNullable(state.blockages().get(id))));
        }
        return new RemovalReport(items, rebootPending, stale, remaining);
    }
}
