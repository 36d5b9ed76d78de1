package org.riddance.removal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.riddance.platform.Host;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.WindowsCommandLine;
import org.riddance.platform.WritableRegistry;

/**
 * Makes Riddance start again after the restart removal asked for, and takes that away once it has. The wizard comes
 * back when the technician logs on (a RunOnce value on Windows, an XDG autostart entry on Linux, a LaunchAgent on
 * macOS); the unattended run comes back at start-up with nobody logged on (a systemd unit on Linux, a LaunchDaemon
 * on macOS, a boot task as SYSTEM on Windows: {@link WindowsStartupTask}). All of it lives under the host's root and registry, so a
 * sandbox shows exactly what would be written.
 */
public final class RestartRegistration {

    /** Who is there when Riddance comes back: a technician who logs on, or nobody (a fleet tool started it). */
    public enum Mode { DESKTOP, UNATTENDED }

    public static final String RUN_ONCE_KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce";
    /** The {@code !} keeps the value until the command has finished, so a crash on the way does not lose it. */
    public static final String RUN_ONCE_VALUE = "!RiddanceResume";
    /** Microsoft's limit for a Run/RunOnce command line; longer ones may not run at all. */
    static final int RUN_ONCE_MAX = 260;
    /** Written beside Riddance's data when the start-up task is registered, so unregistering knows to remove it. */
    static final String TASK_MARKER = "resume-task.registered";
    public static final String XDG_FILE = "/etc/xdg/autostart/org.riddance.resume.desktop";
    public static final String LAUNCH_AGENT = "/Library/LaunchAgents/org.riddance.resume.plist";
    public static final String SYSTEMD_UNIT = "/etc/systemd/system/riddance-resume.service";
    /** What {@code systemctl enable} would make: the unit wanted by the multi-user target, so it runs at boot. */
    public static final String SYSTEMD_WANTS = "/etc/systemd/system/multi-user.target.wants/riddance-resume.service";
    public static final String LAUNCH_DAEMON = "/Library/LaunchDaemons/org.riddance.resume.plist";

    private final Host host;

    public RestartRegistration(Host host) {
        this.host = host;
    }

    public void register(List<String> argv) throws IOException {
        register(argv, Mode.DESKTOP);
    }

    public void register(List<String> argv, Mode mode) throws IOException {
        switch (host.os().family()) {
            case WINDOWS -> {
                if (mode == Mode.UNATTENDED) { // nobody logs on: a boot task as SYSTEM, not RunOnce
                    new WindowsStartupTask(host, host.files().resolve(riddanceData())).register(argv);
                    Files.writeString(host.files().resolve(riddanceData() + "\\" + TASK_MARKER), WindowsStartupTask.NAME);
                } else {
                    registry().setValue(RUN_ONCE_KEY, new RegistryValue(RUN_ONCE_VALUE, RegistryValue.Type.SZ, runOnceLine(argv)));
                }
            }
            case LINUX -> {
                if (mode == Mode.UNATTENDED) {
                    write(SYSTEMD_UNIT, systemdUnit(argv));
                    Path wants = host.files().resolve(SYSTEMD_WANTS);
                    Files.createDirectories(wants.getParent());
                    Files.deleteIfExists(wants);
                    Files.createSymbolicLink(wants, Path.of(SYSTEMD_UNIT)); // as systemctl enable links it
                } else {
                    write(XDG_FILE, desktopEntry(argv));
                }
            }
            case MACOS -> write(mode == Mode.UNATTENDED ? LAUNCH_DAEMON : LAUNCH_AGENT, launchAgent(argv));
        }
    }

    public boolean isRegistered() {
        return switch (host.os().family()) {
            case WINDOWS -> host.registry().value(RUN_ONCE_KEY, RUN_ONCE_VALUE).isPresent()
                    || Files.exists(host.files().resolve(riddanceData() + "\\" + TASK_MARKER));
            case LINUX -> Files.exists(host.files().resolve(XDG_FILE))
                    || Files.exists(host.files().resolve(SYSTEMD_UNIT), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            case MACOS -> Files.exists(host.files().resolve(LAUNCH_AGENT)) || Files.exists(host.files().resolve(LAUNCH_DAEMON));
        };
    }

    public void unregister() throws IOException {
        switch (host.os().family()) {
            case WINDOWS -> {
                if (host.registry() instanceof WritableRegistry w) {
                    w.removeValue(RUN_ONCE_KEY, RUN_ONCE_VALUE); // RunOnce drops it itself once run; this covers a manual relaunch
                }
                Path marker = host.files().resolve(riddanceData() + "\\" + TASK_MARKER);
                if (Files.exists(marker)) { // only then is there a task to ask schtasks about
                    new WindowsStartupTask(host, marker.getParent()).unregister();
                    Files.delete(marker);
                }
            }
            case LINUX -> {
                Files.deleteIfExists(host.files().resolve(XDG_FILE));
                Files.deleteIfExists(host.files().resolve(SYSTEMD_WANTS));
                Files.deleteIfExists(host.files().resolve(SYSTEMD_UNIT));
            }
            case MACOS -> {
                Files.deleteIfExists(host.files().resolve(LAUNCH_AGENT));
                Files.deleteIfExists(host.files().resolve(LAUNCH_DAEMON));
            }
        }
    }

    /**
     * The RunOnce line, at most 260 characters: a {@code java -cp ...} relaunch is moved into a java launcher
     * argument file ({@code java @file}, read by the launcher itself, no shell) beside Riddance's data.
     */
    String runOnceLine(List<String> argv) throws IOException {
        String line = WindowsCommandLine.join(argv);
        if (line.length() <= RUN_ONCE_MAX) {
            return line;
        }
        String program = argv.get(0).replace('\\', '/');
        program = program.substring(program.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (argv.size() < 2 || !List.of("java", "java.exe", "javaw.exe").contains(program)) {
            // a launcher that is not java takes no @file: register it as it is and say so, rather than not at all
            org.slf4j.LoggerFactory.getLogger(RestartRegistration.class).warn("The RunOnce command is {} characters, "
                    + "over Windows' {}: it may not run; start Riddance by hand after restarting if it does not",
                    line.length(), RUN_ONCE_MAX);
            return line;
        }
        String argFileName = riddanceData() + "\\resume.args";
        Path argFile = host.files().resolve(argFileName);
        Files.createDirectories(argFile.getParent());
        StringBuilder args = new StringBuilder();
        for (String a : argv.subList(1, argv.size())) { // the launcher's own quoting: "..." with \\ and \" escaped
            args.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\r\n");
        }
        Files.writeString(argFile, args.toString(), StandardCharsets.UTF_8);
        String shortLine = WindowsCommandLine.join(List.of(argv.get(0), "@" + argFileName));
        return shortLine;
    }

    /**
     * A oneshot service that runs the unattended flow once at the next boot, before anyone logs on. Riddance removes
     * the unit when the flow ends. ExecStart quoting follows systemd.service(5): each argument in double quotes with
     * {@code \} and {@code "} escaped; {@code %} and {@code $} doubled so systemd expands nothing.
     */
    static String systemdUnit(List<String> argv) {
        StringBuilder exec = new StringBuilder();
        for (String arg : argv) {
            if (arg.indexOf('\n') >= 0 || arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("A restart argument cannot hold a line break: " + arg);
            }
            if (exec.length() > 0) {
                exec.append(' ');
            }
            exec.append('"').append(arg.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("%", "%%").replace("$", "$$")).append('"');
        }
        return "[Unit]\nDescription=Riddance: continue the unattended remediation after the restart\n"
                + "After=network-online.target local-fs.target\nWants=network-online.target\n\n"
                + "[Service]\nType=oneshot\nExecStart=" + exec + "\nTimeoutStartSec=infinity\n"
                + "StandardOutput=journal\nStandardError=journal\n\n"
                + "[Install]\nWantedBy=multi-user.target\n";
    }

    private String riddanceData() {
        return org.riddance.platform.WindowsFolders.PROGRAM_DATA.path(host) + "\\Riddance";
    }

    /** Desktop Entry spec: each argument quoted, with {@code " ` $ \} escaped inside the quotes. */
    static String desktopEntry(List<String> argv) {
        StringBuilder exec = new StringBuilder();
        for (String arg : argv) {
            if (exec.length() > 0) {
                exec.append(' ');
            }
            exec.append('"');
            for (char c : arg.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    exec.append('\\');
                }
                exec.append(c == '%' ? "%%" : String.valueOf(c));
            }
            exec.append('"');
        }
        // a key's value cannot hold a newline; escape the backslashes once more, as the spec's string type asks
        String value = exec.toString().replace("\\", "\\\\").replace("\n", " ");
        return "[Desktop Entry]\nType=Application\nName=Riddance (continue removal after restart)\n"
                + "Comment=Started once after the restart removal asked for; Riddance removes this entry itself\n"
                + "Exec=" + value + "\nTerminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n";
    }

    static String launchAgent(List<String> argv) {
        StringBuilder args = new StringBuilder();
        argv.forEach(a -> args.append("    <string>").append(xml(a)).append("</string>\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n  <key>Label</key>\n  <string>org.riddance.resume</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n" + args + "  </array>\n"
                + "  <key>RunAtLoad</key>\n  <true/>\n</dict>\n</plist>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private WritableRegistry registry() throws IOException {
        if (host.registry() instanceof WritableRegistry w) {
            return w;
        }
        throw new IOException("This registry cannot be written (an offline export): Riddance cannot register to "
                + "start again after the restart; start it by hand after restarting");
    }

    private void write(String systemPath, String content) throws IOException {
        Path file = host.files().resolve(systemPath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

}
