package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true, description = "Detects banned products, with evidence for each finding.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--registry-export", paramLabel = "FILE.reg",
            description = "Scan this Windows registry export offline instead of the live registry.")
    java.nio.file.Path registryExport;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Detection of banned products");
    }
}
