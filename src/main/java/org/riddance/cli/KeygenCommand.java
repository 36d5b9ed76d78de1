package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Creates the technician signing key (passphrase from RIDDANCE_PASSPHRASE or a prompt).")
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the keystore and public key.")
    java.nio.file.Path out;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Creating a signing key");
    }
}
