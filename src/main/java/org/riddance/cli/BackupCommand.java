package org.riddance.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up what the catalog says for each finding; verifies by reading back.",
        subcommands = BackupCommand.Verify.class)
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--to", paramLabel = "DIR", description = "Destination folder for the archive.")
    Path to;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Backing up products");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Checks an archive against its manifest.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        BackupCommand backup;

        @Parameters(index = "0", paramLabel = "ARCHIVE")
        Path archive;

        @Override
        public Integer call() {
            return NotInThisBuild.report(spec, backup.parent.json(), "Verifying backup archives");
        }
    }
}
