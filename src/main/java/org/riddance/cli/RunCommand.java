package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the whole flow headless: scan, back up, remove, check, receipt.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--unattended", required = true, description = "Never prompt; fail instead.")
    boolean unattended;

    @Option(names = "--backup-to", paramLabel = "DIR", required = true)
    java.nio.file.Path backupTo;

    @Option(names = "--receipt-to", paramLabel = "DIR", required = true)
    java.nio.file.Path receiptTo;

    @Option(names = "--technician", paramLabel = "NAME", required = true)
    String technician;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "The technician keystore (.p12).")
    java.nio.file.Path key;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "The unattended flow");
    }
}
