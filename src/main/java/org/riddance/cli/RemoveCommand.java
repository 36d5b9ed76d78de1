package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes the findings; refuses without a verified backup.")
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--backup", paramLabel = "ARCHIVE", description = "The verified backup archive of this session.")
    java.nio.file.Path backup;

    @Option(names = "--no-backup", description = "Remove without a backup (needs --reason).")
    boolean noBackup;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why there is no backup; recorded on the receipt.")
    String reason;

    @Option(names = "--dry-run", description = "Show the removal plan and the exact commands; change nothing.")
    boolean dryRun;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Uninstall passwords, one NAME=VALUE a line.")
    java.nio.file.Path passwordFile;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Removal of banned products");
    }
}
