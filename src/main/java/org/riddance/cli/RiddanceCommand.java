package org.riddance.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.riddance.engine.AppContext;
import org.riddance.demo.DemoAntivirus;
import org.riddance.demo.DemoSandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "riddance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Finds banned security products (Kaspersky Lab's today), backs up what matters, removes them, "
                + "verifies the replacement antivirus and signs a completion receipt.",
            "Without a command it opens the wizard.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing banned found, or success",
            "1:banned products found, or a check failed",
            "2:error",
        },
        subcommands = {
            ScanCommand.class, BackupCommand.class, RestoreCommand.class, RemoveCommand.class,
            CheckAvCommand.class, KeygenCommand.class, SessionCommand.class, ReceiptCommand.class, RunCommand.class,
            VerifyCommand.class, RollupCommand.class, TrustCommand.class, DemoCommand.class,
        })
public final class RiddanceCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where journals, logs and receipts go (default: per OS, see the README).")
    Path dataDir;

    @Option(names = "--root", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Treat DIR as the system root (a sandbox); nothing outside it is read or changed.")
    Path root;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable output on stdout.")
    boolean json;

    @Option(names = "--catalog", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Use this catalog instead of the built-in one; it needs FILE.sig from a trusted catalog key.")
    Path catalog;

    @Option(names = "--demo", scope = ScopeType.INHERIT, description = "Work on a sandbox of stand-in packages (built "
            + "with dpkg-deb under the data folder), never on this machine: the wizard, or any command. Receipts say DEMO.")
    boolean demo;

    @Option(names = "--demo-antivirus", paramLabel = "STATE", defaultValue = "WORKING",
            description = "With --demo, the demo PC's replacement antivirus: ${COMPLETION-CANDIDATES} "
                    + "(working passes the check; outdated and none show how it fails). Default: ${DEFAULT-VALUE}.")
    DemoAntivirus demoAntivirus;

    private final Function<AppContext, Integer> openWizard;
    private AppContext context;

    public RiddanceCommand(Function<AppContext, Integer> openWizard) {
        this.openWizard = openWizard;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (demo) { // each demo in the wizard starts from a fresh sandbox
            Path sandbox = DemoSandbox.rebuild(DemoSandbox.folder(AppContext.dataDir(Optional.ofNullable(dataDir))),
                    org.riddance.platform.Hosts.live().processes());
            // the stand-in clamd lives on daemon threads of this process: it ends when the wizard does
            demoAntivirus.installInto(sandbox, org.riddance.platform.Hosts.live().processes(), java.time.Clock.systemUTC());
        }
        return openWizard.apply(context());
    }

    /** Built on first use, after the options are parsed. */
    AppContext context() {
        if (root != null && demo) {
            throw new IllegalArgumentException("--demo works on its own sandbox: leave out --root " + root);
        }
        if (root != null && !java.nio.file.Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "The system root " + root + " given with --root does not exist or is not a folder");
        }
        if (context == null) {
            AppContext created = AppContext.create(Optional.ofNullable(root), Optional.ofNullable(dataDir),
                    Optional.ofNullable(catalog), demo);
            // a catalog the technician asked for and did not get must not be replaced silently by the built-in one
            if (catalog != null) { // only then is there a warning to look at: the built-in catalog loads when needed
                created.catalogWarning().ifPresent(w -> {
                    throw new IllegalArgumentException(w + (w.endsWith(".") ? " " : ". ")
                            + "Nothing was done: fix the catalog or run without --catalog.");
                });
            }
            context = created;
        }
        return context;
    }

    /** Where a command's session comes from; a broken journal is reported on stderr and kept for the JSON result. */
    org.riddance.engine.Sessions sessions(java.util.List<String> problems, java.io.PrintWriter err) {
        return new org.riddance.engine.Sessions(context(), problem -> {
            problems.add(problem);
            err.println("riddance: " + problem);
        });
    }

    boolean demo() {
        return demo;
    }

    public Optional<Path> dataDirOption() {
        return Optional.ofNullable(dataDir);
    }

    public Optional<Path> rootOption() {
        return Optional.ofNullable(root);
    }

    boolean json() {
        return json;
    }

    public static CommandLine commandLine(Function<AppContext, Integer> openWizard) {
        CommandLine cli = new CommandLine(new RiddanceCommand(openWizard));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("riddance: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(RiddanceCommand.class).error("Command failed", e);
            return ExitCode.ERROR;
        });
        return cli;
    }
}
