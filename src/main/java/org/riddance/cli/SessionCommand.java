package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.Remediation;
import org.riddance.engine.Sessions;
import org.riddance.session.SessionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "session", mixinStandardHelpOptions = true,
        description = "The command-line session: the Welcome facts every later command of this data folder and root "
                + "adds its work to, until 'receipt sign' ends it.",
        subcommands = {SessionCommand.Start.class, SessionCommand.Show.class})
final class SessionCommand { // a group: without a subcommand picocli says which are missing, exit 2

    @ParentCommand
    RiddanceCommand parent;

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Sets who does the work and for whom (--technician and --site are required): joins the open "
                    + "session of this data folder and root, or starts one.")
    static final class Start implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        SessionCommand session;

        @Mixin
        SessionFacts facts;

        @Override
        public Integer call() throws IOException {
            RiddanceCommand parent = session.parent;
            SessionInfo info;
            try {
                info = facts.complete();
            } catch (IllegalArgumentException e) {
                return Json.error(spec, parent.json(), "session start", "bad-facts", e.getMessage());
            }
            List<String> problems = new ArrayList<>();
            Sessions sessions = parent.sessions(problems, spec.commandLine().getErr());
            boolean joined = sessions.findOpen().isPresent();
            try (Remediation remediation = sessions.joinOrStart(Optional.of(info))) {
                report(spec, parent.json(), joined ? "joined" : "started", remediation, problems);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows the open session of this data folder and root.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        SessionCommand session;

        @Override
        public Integer call() throws IOException {
            RiddanceCommand parent = session.parent;
            List<String> problems = new ArrayList<>();
            Optional<Remediation> open = parent.sessions(problems, spec.commandLine().getErr()).join();
            if (open.isEmpty()) {
                return Json.error(spec, parent.json(), "session show", "no-session",
                        "No session is open in " + parent.context().dataDir());
            }
            try (Remediation remediation = open.get()) {
                report(spec, parent.json(), "open", remediation, problems);
            }
            return ExitCode.OK;
        }
    }

    static void report(CommandSpec spec, boolean json, String status, Remediation session, List<String> problems)
            throws IOException {
        SessionInfo info = session.info();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", spec.qualifiedName().replaceFirst("^riddance ", ""));
            m.put("status", status);
            m.put("session", session.id());
            m.put("folder", session.folder().toString());
            m.put("technician", info.technicianName());
            m.put("technicianId", info.technicianId());
            m.put("site", info.site());
            m.put("ticket", info.ticket());
            m.put("notes", info.notes());
            if (!problems.isEmpty()) {
                m.put("journalProblems", problems);
            }
            out.println(Json.write(m));
        } else {
            out.printf("Session %s (%s): %s for %s%s%n", session.id(), status, ReceiptSummary.escape(info.technicianName()),
                    ReceiptSummary.escape(info.site()), info.ticket().isEmpty() ? "" : ", ticket " + info.ticket());
        }
    }
}
