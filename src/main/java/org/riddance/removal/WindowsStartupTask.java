package org.riddance.removal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.WindowsCommandLine;
import org.riddance.platform.WindowsFolders;

/**
 * The unattended run's way back after a restart: a Task Scheduler task that starts at boot as SYSTEM, with no one
 * logged on (RunOnce waits for an administrator's logon, which a pushed fleet run never gets). Registered with
 * {@code schtasks /Create /XML} from a task definition written here (Task Scheduler schema 1.2, learn.microsoft.com
 * "Task Scheduler Schema"), so no argument ever passes through a shell; removed with {@code schtasks /Delete}.
 */
public final class WindowsStartupTask {

    public static final String NAME = "\\Riddance\\Resume";
    static final String SCHTASKS = "schtasks.exe";

    private final Host host;
    private final Path workDir;

    /** @param workDir where the task definition is written (the session folder) */
    public WindowsStartupTask(Host host, Path workDir) {
        this.host = host;
        this.workDir = workDir;
    }

    public void register(List<String> argv) throws IOException {
        Path xml = workDir.resolve("riddance-resume-task.xml");
        Files.createDirectories(workDir);
        // schtasks reads the definition as the encoding its declaration names; UTF-16 with a BOM is what it writes itself
        Files.write(xml, ("\uFEFF" + definition(argv)).getBytes(StandardCharsets.UTF_16LE));
        try {
            run(List.of("/Create", "/TN", NAME, "/XML", xml.toString(), "/F"), "register the start-up task");
        } finally {
            Files.deleteIfExists(xml);
        }
    }

    public boolean isRegistered() throws IOException {
        return schtasks(List.of("/Query", "/TN", NAME)).succeeded();
    }

    public void unregister() throws IOException {
        if (isRegistered()) {
            run(List.of("/Delete", "/TN", NAME, "/F"), "remove the start-up task");
        }
    }

    /** Boot trigger, SYSTEM (S-1-5-18) at the highest run level, one instance, no time limit on the run. */
    static String definition(List<String> argv) {
        return "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\n"
                + "  <RegistrationInfo><Description>Riddance: continue the removal after the restart it asked for; "
                + "Riddance deletes this task itself.</Description></RegistrationInfo>\n"
                + "  <Triggers><BootTrigger><Enabled>true</Enabled></BootTrigger></Triggers>\n"
                + "  <Principals><Principal id=\"System\"><UserId>S-1-5-18</UserId>"
                + "<RunLevel>HighestAvailable</RunLevel></Principal></Principals>\n"
                + "  <Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>"
                + "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
                + "<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>"
                + "<ExecutionTimeLimit>PT0S</ExecutionTimeLimit><Enabled>true</Enabled></Settings>\n"
                + "  <Actions Context=\"System\"><Exec><Command>" + xml(argv.get(0)) + "</Command>"
                + (argv.size() > 1 ? "<Arguments>" + xml(WindowsCommandLine.join(argv.subList(1, argv.size())))
                + "</Arguments>" : "") + "</Exec></Actions>\n"
                + "</Task>\n";
    }

    private void run(List<String> args, String what) throws IOException {
        ProcessResult r = schtasks(args);
        if (!r.succeeded()) {
            throw new IOException("Could not " + what + " (schtasks exit " + r.exitCode() + "): "
                    + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
    }

    private ProcessResult schtasks(List<String> args) throws IOException {
        String program = host.files().resolve(WindowsFolders.SYSTEM.path(host) + "\\" + SCHTASKS).toString();
        return host.processes().run(Command.of(program).args(args).build());
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
