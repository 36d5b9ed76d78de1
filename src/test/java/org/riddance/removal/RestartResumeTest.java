package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.demo.DemoSandbox;
import org.riddance.demo.StandInPackage;
import org.riddance.platform.Command;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;

/**
 * Reboot and resume for real: a child JVM removes a stand-in whose postrm says a restart is needed (Debian's
 * {@code /run/reboot-required}); once the journal says a restart is pending the child is killed, the restart is played
 * (new boot id, the flag gone with /run), and the command Riddance registered in XDG autostart is launched. It
 * continues from the journal, proves the removal by rescanning, and takes the autostart entry away.
 */
class RestartResumeTest {

    @TempDir
    Path root;
    @TempDir
    Path data;

    @Test
    void killedWhileWaitingForTheRestartThenTheRegisteredCommandContinues() throws Exception {
        DemoSandbox.build(root, new SystemProcessRunner(), Cancellation.none());
        Path debs = root.resolve("var/cache/riddance-stand-ins");
        DemoSandbox.install(root, new SystemProcessRunner(), DemoSandbox.buildDeb(new StandInPackage("kesl", "12.1.0-1298",
                "stand-in <s@riddance.invalid>", "Kaspersky Endpoint Security for Linux (stand-in that needs a restart)",
                Map.of("opt/kaspersky/kesl/bin/kesl", "stand-in\n"), List.of(),
                Map.of("postrm", "#!/bin/sh\nmkdir -p \"$DPKG_ROOT/run\"\ntouch \"$DPKG_ROOT/run/reboot-required\"\n")),
                debs, new SystemProcessRunner(), Cancellation.none()), Cancellation.none());
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-before\n");

        Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), RemovalChild.class.getName(),
                "--data-dir", data.toString(), "--root", root.toString(), "remove", "--no-backup", "--reason", "restart test")
                .redirectErrorStream(true).redirectOutput(data.resolve("child-1.out").toFile()).start();
        try {
            waitFor(() -> journal().contains("\"removal.reboot-pending\""), Duration.ofSeconds(120), child);
            assertThat(child.isAlive()).isTrue();
            Path autostart = root.resolve("etc/xdg/autostart/org.riddance.resume.desktop");
            assertThat(autostart).exists();
            child.destroyForcibly(); // the PC restarts under it
            child.waitFor(30, TimeUnit.SECONDS);

            Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "boot-after\n");
            Files.delete(root.resolve("run/reboot-required")); // /run is a tmpfs: a restart empties it
            List<String> registered = execLine(Files.readString(autostart));
            assertThat(registered).containsSubsequence("org.riddance.app.Launcher", "remove", "--resume", "--data-dir",
                    data.toString(), "--root", root.toString());

            Process relaunched = new ProcessBuilder(registered).redirectErrorStream(true)
                    .redirectOutput(data.resolve("child-2.out").toFile()).start();
            assertThat(relaunched.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(relaunched.exitValue()).as(Files.readString(data.resolve("child-2.out"))).isZero();

            String journal = journal();
            assertThat(journal).contains("\"removal.resumed\"", "\"removal.completed\"");
            assertThat(journal.lines().filter(l -> l.contains("\"removal.started\"") && l.contains("\"id\":\"kesl\""))
                    .count()).as("the uninstaller ran once, not again after the restart").isEqualTo(1);
            assertThat(journal).containsPattern("\"removal.outcome\".*\"id\":\"kesl\".*\"outcome\":\"removed\"");
            assertThat(journal).containsPattern("\"removal.outcome\".*\"id\":\"ksc-network-agent\".*\"outcome\":\"removed\"");
            assertThat(autostart).doesNotExist();
            assertThat(new SystemProcessRunner().run(Command.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                    "-W", "-f=${db:Status-Status}", "klavaro").build()).stdout()).isEqualTo("installed");
        } finally {
            child.destroyForcibly();
        }
    }

    private String journal() throws IOException {
        Path sessions = data.resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return "";
        }
        try (Stream<Path> dirs = Files.list(sessions)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve("journal.jsonl");
                if (Files.exists(file)) {
                    return Files.readString(file);
                }
            }
        }
        return "";
    }

    /** The Exec value of a desktop entry, unescaped as the Desktop Entry spec says, split into argv. */
    static List<String> execLine(String desktop) {
        String value = desktop.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring(5);
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                unescaped.append(n == 's' ? ' ' : n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                unescaped.append(c);
            }
        }
        List<String> argv = new ArrayList<>();
        StringBuilder arg = null;
        for (int i = 0; i < unescaped.length(); i++) {
            char c = unescaped.charAt(i);
            if (arg == null) {
                if (c == '"') {
                    arg = new StringBuilder();
                }
            } else if (c == '\\') {
                arg.append(unescaped.charAt(++i));
            } else if (c == '"') {
                argv.add(arg.toString().replace("%%", "%"));
                arg = null;
            } else {
                arg.append(c);
            }
        }
        return argv;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void waitFor(IoCondition condition, Duration limit, Process child) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (!child.isAlive()) {
                throw new AssertionError("The child ended (exit " + child.exitValue() + ") before the restart was pending:\n"
                        + Files.readString(data.resolve("child-1.out")));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No restart pending after " + limit + ":\n" + Files.readString(data.resolve("child-1.out")));
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    interface IoCondition {
        boolean holds() throws IOException;
    }
}
