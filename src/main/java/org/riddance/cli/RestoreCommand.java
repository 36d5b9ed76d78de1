package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true, description = "Restores a backup archive safely into a folder.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "The backup archive (.zip).")
    java.nio.file.Path archive;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "Folder to restore into.")
    java.nio.file.Path target;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Restoring a backup archive");
    }
}
