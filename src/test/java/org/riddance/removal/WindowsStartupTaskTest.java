package org.riddance.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.platform.Host;
import org.riddance.platform.Hosts;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.OsFamily;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.WindowsCommandLine;

/**
 * The start-up task as schtasks gets it (argv, no shell; the definition file) and the RunOnce line Windows gets
 * (the ! prefix, at most 260 characters). The Windows CI job registers and removes the task for real.
 */
class WindowsStartupTaskTest {

    @TempDir
    Path root;
    @TempDir
    Path session;

    @Test
    void registersABootTaskAsSystemFromADefinitionFileAndDeletesIt() throws IOException {
        List<String> definitions = new ArrayList<>();
        RecordingRunner runner = new RecordingRunner()
                .answer(c -> c.argv().contains("/Create"), 0, c -> definitions.add(read(Path.of(c.argv().get(5)))))
                .answer(c -> c.argv().contains("/Query"), 0)
                .answer(c -> c.argv().contains("/Delete"), 0);
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, new InMemoryRegistry()).withProcesses(runner);
        WindowsStartupTask task = new WindowsStartupTask(host, session);
        List<String> argv = List.of("C:\\Program Files\\Riddance\\Riddance.exe", "run", "--unattended", "--resume",
                "--site", "Acme & Sons <HQ>");

        task.register(argv);
        task.unregister();

        String schtasks = root.resolve("C/Windows/System32/schtasks.exe").toString();
        assertThat(runner.seen().get(0).argv()).containsExactly(schtasks, "/Create", "/TN", "\\Riddance\\Resume", "/XML",
                session.resolve("riddance-resume-task.xml").toString(), "/F");
        assertThat(runner.seen().get(2).argv()).containsExactly(schtasks, "/Delete", "/TN", "\\Riddance\\Resume", "/F");
        assertThat(Files.exists(session.resolve("riddance-resume-task.xml"))).as("the definition is not left behind").isFalse();
        String xml = definitions.get(0);
        assertThat(xml).startsWith("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
                .contains("<BootTrigger>", "<UserId>S-1-5-18</UserId>", "<RunLevel>HighestAvailable</RunLevel>",
                        "<Command>C:\\Program Files\\Riddance\\Riddance.exe</Command>",
                        "<Arguments>run --unattended --resume --site &quot;Acme &amp; Sons &lt;HQ&gt;&quot;</Arguments>");
    }

    @Test
    void runOnceKeepsItsValueUntilDoneAndALongJavaLineMovesIntoAnArgumentFile() throws IOException {
        InMemoryRegistry registry = new InMemoryRegistry();
        Host host = Hosts.sandbox(root, OsFamily.WINDOWS, registry);
        List<String> argv = new ArrayList<>(List.of("C:\\Program Files\\Java\\bin\\java.exe", "-cp",
                "C:\\Users\\tech\\.m2\\repository\\org\\openjfx\\javafx-base\\21.0.12\\javafx-base-21.0.12-win.jar;".repeat(6)
                        + "C:\\work\\riddance\\target\\classes", "org.riddance.removal.Resume", "--resume"));

        new RestartRegistration(host).register(argv);

        RegistryValue value = registry.value(RestartRegistration.RUN_ONCE_KEY, "!RiddanceResume").orElseThrow();
        assertThat(value.asText()).isEqualTo("\"C:\\Program Files\\Java\\bin\\java.exe\" @C:\\ProgramData\\Riddance\\resume.args")
                .hasSizeLessThanOrEqualTo(260);
        assertThat(Files.readString(root.resolve("C/ProgramData/Riddance/resume.args")))
                .startsWith("\"-cp\"\r\n\"C:\\\\Users\\\\tech\\\\.m2").endsWith("\"--resume\"\r\n");
        assertThat(WindowsCommandLine.join(argv).length()).as("what it would have been").isGreaterThan(260);
    }

    @Test
    void theUnattendedRestartOnWindowsIsTheStartUpTaskNotRunOnce() throws IOException {
        RecordingRunner runner = new RecordingRunner()
                .answer(c -> c.argv().contains("/Create"), 0)
                .answer(c -> c.argv().contains("/Query"), 0)
                .answer(c -> c.argv().contains("/Delete"), 0);
        InMemoryRegistry registry = new InMemoryRegistry();
        RestartRegistration registration = new RestartRegistration(
                Hosts.sandbox(root, OsFamily.WINDOWS, registry).withProcesses(runner));

        registration.register(List.of("C:\\Program Files\\Riddance\\Riddance.exe", "run", "--unattended"),
                RestartRegistration.Mode.UNATTENDED);

        assertThat(registration.isRegistered()).isTrue();
        assertThat(registry.value(RestartRegistration.RUN_ONCE_KEY, RestartRegistration.RUN_ONCE_VALUE)).isEmpty();
        assertThat(runner.seen()).singleElement().satisfies(c -> assertThat(c.argv()).contains("/Create", "/XML"));

        registration.unregister();

        assertThat(registration.isRegistered()).isFalse();
        assertThat(runner.seen()).last().satisfies(c -> assertThat(c.argv()).contains("/Delete"));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
