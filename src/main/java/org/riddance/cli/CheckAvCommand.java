package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check-av", mixinStandardHelpOptions = true, description = "Checks the replacement antivirus: present, enabled, definitions current, not banned.")
final class CheckAvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--eicar", description = "Also run the live EICAR test.")
    boolean eicar;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Checking the replacement antivirus");
    }
}
