package org.riddance.cli;

import java.nio.file.Path;
import java.util.List;
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
        })
public final class RiddanceCommand implements Callable<Integer> {

    /** The commands in the order help lists them; see {@link #commandLine(Function, String[])} for when each is built. */
    private static final List<Class<?>> COMMANDS = List.of(
            ScanCommand.class, BackupCommand.class, RestoreCommand.class, RemoveCommand.class,
            CheckAvCommand.class, KeygenCommand.class, SessionCommand.class, ReceiptCommand.class, RunCommand.class,
            VerifyCommand.class, RollupCommand.class, TrustCommand.class, DemoCommand.class);

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

    /**
     * {@code --version} alone, the question fleet tools ask most, is answered without building the command line:
     * picocli's model of even the top command costs several times the answer. Anything else returns false.
     */
    public static boolean answeredAtOnce(String[] args, java.io.PrintStream out) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        for (String line : VersionProvider.lines()) {
            out.println(line);
        }
        out.flush();
        return true;
    }

    /** Commands that never read the product catalog: receipts, keys and back-ups carry what they need. */
    static final java.util.Set<String> WITHOUT_CATALOG = java.util.Set.of("verify", "trust", "keygen", "rollup", "restore");

    /**
     * Whether the command these arguments name may read the catalog, judged by the first argument that is not an
     * option, before anything is parsed: the head start ({@code HeadStart}) reads the built-in catalog only then, as
     * reading it for {@code verify} took CPU from the verification on a two-core PC. Only a hint: a wrong answer
     * costs time, never a result, since a command reads the catalog itself when it needs it.
     */
    public static boolean mayReadTheCatalog(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return !WITHOUT_CATALOG.contains(arg);
            }
        }
        return true;
    }

    /** The command line with every command, as help lists them. */
    public static CommandLine commandLine(Function<AppContext, Integer> openWizard) {
        return commandLine(openWizard, null);
    }

    /**
     * The command line for these arguments: when they name a command, only that one is built, because picocli
     * reads the annotations of every command it is given and that cost more than many commands' own work.
     * Without a command name (help, the wizard, a mistyped name) every command is there, so help and the
     * "did you mean" message list them all. {@code args} null means every command.
     */
    public static CommandLine commandLine(Function<AppContext, Integer> openWizard, String[] args) {
        CommandLine cli = new CommandLine(new RiddanceCommand(openWizard));
        Optional<Class<?>> named = args == null ? Optional.empty() : namedCommand(cli.getCommandSpec(), args);
        for (Class<?> command : named.map(List::<Class<?>>of).orElse(COMMANDS)) {
            cli.addSubcommand(command);
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("riddance: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(RiddanceCommand.class).error("Command failed", e);
            return ExitCode.ERROR;
        });
        return cli;
    }

    /** The first argument that is neither an option nor an option's value, if it is a command's name. */
    private static Optional<Class<?>> namedCommand(CommandLine.Model.CommandSpec top, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (arg.startsWith("-")) {
                CommandLine.Model.OptionSpec option = top.findOption(arg);
                if (option != null && option.arity().max() > 0 && !arg.contains("=")) {
                    i++; // its value, which may look like a command's name (--root scan)
                }
                continue;
            }
            return COMMANDS.stream().filter(c -> arg.equals(c.getAnnotation(Command.class).name())).findFirst();
        }
        return Optional.empty();
    }
}
