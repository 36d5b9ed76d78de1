package org.riddance.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riddance.work.Cancellation;

/**
 * Runs Windows commands under Wine, in one prefix, as a real Windows hands them over: the exact command line
 * the command builds ({@link Command#windowsCommandLine()}, msiexec's rules for msiexec). Wine's own launcher
 * would re-quote an argv, so the line goes into a one-line batch file that {@code wine cmd /c} runs; cmd passes it
 * to CreateProcess as written. The batch file then echoes %ERRORLEVEL%, because Wine's own exit status is the
 * Windows exit code modulo 256 (1605 arrives as 69). Sandbox paths become Wine's Z: drive; the sandbox's
 * msiexec.exe becomes Wine's. A test harness, not production code: a line holding % (which cmd would expand)
 * or a non-ASCII character (the batch file's code page) is refused.
 */
public final class WineRunner implements ProcessRunner {

    private static final Pattern EXIT = Pattern.compile("riddance-exit=(-?\\d+)");
    private final Path prefix;
    private final SystemProcessRunner runner = new SystemProcessRunner();

    public WineRunner(Path prefix) {
        this.prefix = prefix;
    }

    /** What is missing to run Windows programs here, or empty. */
    public static Optional<String> missing(String... tools) {
        List<String> absent = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                absent.add(tool);
            }
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", absent) + " not installed (Debian packages wine, wine64, wixl)");
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A fresh prefix (about 10 s); wineserver is waited for so the registry is on disk. */
    public void create() throws IOException {
        ProcessResult boot = wine(List.of("wineboot", "-i"), Duration.ofMinutes(3));
        if (!boot.succeeded()) {
            throw new IOException("wineboot failed (" + boot.exitCode() + "): " + boot.stderr());
        }
    }

    public Path prefix() {
        return prefix;
    }

    /** Runs a program inside the prefix from a plain argv (Wine's own re-quoting applies). */
    public ProcessResult wine(List<String> argv, Duration timeout) throws IOException {
        Command.Builder b = Command.of(argv).timeout(timeout).env("WINEPREFIX", prefix.toString())
                .env("WINEDEBUG", "-all");
        return runner.run(b.build(), Cancellation.none());
    }

    @Override
    public ProcessResult run(Command command, Cancellation cancellation) throws IOException {
        List<String> argv = new ArrayList<>();
        for (String arg : command.argv()) {
            argv.add(windowsPath(arg));
        }
        String line = Command.of(argv).lineRule(command.lineRule()).build().windowsCommandLine();
        if (line.indexOf('%') >= 0 || !StandardCharsets.US_ASCII.newEncoder().canEncode(line)) {
            throw new IllegalArgumentException("The Wine harness carries only ASCII lines without %");
        }
        Path batch = prefix.resolve("drive_c/riddance-run.cmd");
        Files.writeString(batch, "@" + line + "\r\n@echo riddance-exit=%ERRORLEVEL%\r\n", StandardCharsets.US_ASCII);
        ProcessResult r = runner.run(Command.of("wine", "cmd", "/c", "C:\\riddance-run.cmd").timeout(command.timeout())
                .env("WINEPREFIX", prefix.toString()).env("WINEDEBUG", "-all").build(), cancellation);
        Matcher exit = EXIT.matcher(r.stdout());
        int code = r.exited() && exit.find() ? Integer.parseInt(exit.group(1)) : r.exitCode();
        return new ProcessResult(code, command.mask(r.stdout()), command.mask(r.stderr()), r.outputTruncated(),
                r.ending(), r.duration());
    }

    /** A sandbox's msiexec.exe is Wine's; any other absolute Unix path is on Wine's Z: drive. */
    private static String windowsPath(String arg) {
        if (arg.endsWith("/msiexec.exe")) {
            return "C:\\windows\\system32\\msiexec.exe";
        }
        return arg.startsWith("/") && arg.indexOf('/', 1) > 0 ? "Z:" + arg.replace('/', '\\') : arg;
    }
}
