package org.riddance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riddance.engine.AppContext;
import org.riddance.engine.AppVersion;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.CatalogLoader;
import picocli.CommandLine;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<AppContext> wizardOpenedWith = new AtomicReference<>();

    private int run(String... args) {
        CommandLine cli = RiddanceCommand.commandLine(context -> {
            wizardOpenedWith.set(context);
            return 0;
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theCommandsSaidNotToReadTheCatalogAreCommandsAndTheHintFollowsTheFirstWord() {
        assertThat(RiddanceCommand.commandLine(context -> 0).getSubcommands().keySet())
                .containsAll(RiddanceCommand.WITHOUT_CATALOG);
        assertThat(RiddanceCommand.mayReadTheCatalog(new String[] {"verify", "R.receipt.json", "--trust", "k.pem"})).isFalse();
        assertThat(RiddanceCommand.mayReadTheCatalog(new String[] {"--json", "rollup", "receipts"})).isFalse();
        assertThat(RiddanceCommand.mayReadTheCatalog(new String[] {"scan", "--json"})).isTrue();
        assertThat(RiddanceCommand.mayReadTheCatalog(new String[] {"backup", "verify", "A.zip"})).isTrue();
        assertThat(RiddanceCommand.mayReadTheCatalog(new String[] {"--demo"})).isTrue(); // the wizard
    }

    @Test
    void versionNamesTheAppAndTheCatalog() {
        assertThat(run("--version")).isZero();
        Catalog catalog = CatalogLoader.builtIn();
        assertThat(out.toString()).contains("Riddance " + AppVersion.version())
                .contains("Catalog " + catalog.version() + " (built-in), sha256 " + catalog.sha256());
    }

    @Test
    void versionAloneIsAnsweredWithoutTheCommandLineAndSaysTheSame() {
        var quick = new java.io.ByteArrayOutputStream();
        assertThat(RiddanceCommand.answeredAtOnce(new String[] {"--version"}, new java.io.PrintStream(quick, true))).isTrue();
        assertThat(run("-V")).isZero();
        assertThat(quick.toString().lines()).isEqualTo(out.toString().lines().toList());

        assertThat(RiddanceCommand.answeredAtOnce(new String[] {"--json", "--version"}, new java.io.PrintStream(quick)))
                .isFalse();
        assertThat(RiddanceCommand.answeredAtOnce(new String[0], new java.io.PrintStream(quick))).isFalse();
    }

    @Test
    void onlyTheNamedCommandIsBuiltAndAnOptionsValueIsNoCommandName() {
        assertThat(commandsBuiltFor("--data-dir", "verify", "--root=/x", "scan", "--json").keySet()).containsExactly("scan");
        assertThat(commandsBuiltFor("--demo", "receipt", "show", "R.json").keySet()).containsExactly("receipt");
        assertThat(commandsBuiltFor("--help")).hasSize(13);
        assertThat(commandsBuiltFor("scna")).containsKey("scan"); // picocli can suggest what was meant
        assertThat(commandsBuiltFor("--", "scan")).hasSize(13);
        assertThat(commandsBuiltFor().keySet()).isEqualTo(RiddanceCommand.commandLine(c -> 0).getSubcommands().keySet());
    }

    private static java.util.Map<String, CommandLine> commandsBuiltFor(String... args) {
        return RiddanceCommand.commandLine(c -> 0, args).getSubcommands();
    }

    @Test
    void helpListsTheCommandsOfTheContract() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("scan", "backup", "restore", "remove", "check-av", "keygen", "run", "verify",
                "--data-dir", "--root", "--json");
    }

    @Test
    void theUnattendedRunRefusesWhatItCannotFinishBeforeTouchingAnything() throws Exception {
        String[] noSite = {"run", "--unattended", "--backup-to", "b", "--receipt-to", "r", "--technician", "T",
                "--key", "k.p12"};
        assertThat(run(noSite)).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--technician: The name must be 2 to 80 characters", "--site:");

        String[] noKey = {"--json", "run", "--unattended", "--backup-to", "b", "--receipt-to", "r", "--technician",
                "Tom Tester", "--site", "Lab", "--key", "k.p12", "--passphrase-file", "no-such-file"};
        assertThat(run(noKey)).isEqualTo(ExitCode.ERROR);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("error").asText()).isEqualTo("key");
        assertThat(json.get("message").asText()).contains("Cannot read the passphrase file no-such-file");

        assertThat(run("run", "--unattended", "--receipt-to", "r", "--technician", "Tom Tester", "--site", "Lab",
                "--key", "k.p12")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--backup-to DIR", "--no-backup --reason TEXT");
    }

    @Test
    void badArgumentsAreAnErrorWithUsage() {
        assertThat(run("restore")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("Missing required");
    }

    @Test
    void demoOpensTheWizardOnAFreshStandInSandboxInsideTheDataFolder(@TempDir Path data) throws Exception {
        java.nio.file.Files.createDirectories(data.resolve("demo-sandbox/left-from-last-time"));

        assertThat(run("--data-dir", data.toString(), "--demo")).isZero();

        AppContext context = wizardOpenedWith.get();
        assertThat(context.host().isSandbox()).isTrue();
        assertThat(context.host().files().root()).isEqualTo(data.resolve("demo-sandbox"));
        assertThat(data.resolve("demo-sandbox/var/lib/dpkg/status")).content().contains("Package: kesl");
        assertThat(data.resolve("demo-sandbox/left-from-last-time")).as("rebuilt from scratch").doesNotExist();
    }

    @Test
    void aRootThatDoesNotExistIsRefused(@TempDir Path data) {
        assertThat(run("--data-dir", data.toString(), "scan", "--root", data.resolve("missing").toString()))
                .isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void noCommandOpensTheWizardWithTheChosenDataFolder(@TempDir Path data) {
        assertThat(run("--data-dir", data.toString())).isZero();
        assertThat(wizardOpenedWith.get().dataDir()).isEqualTo(data.toAbsolutePath());
    }
}
