package org.riddance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, description = "Checks a receipt: JSON+signature, PDF, or the QR payload.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A receipt .json (with .sig beside it) or .pdf.")
    java.nio.file.Path file;

    @Option(names = "--qr-text", paramLabel = "TEXT", description = "The text read from the receipt QR code.")
    String qrText;

    @Option(names = "--qr-image", paramLabel = "PNG", description = "A scan or photo of the receipt QR code.")
    java.nio.file.Path qrImage;

    @Option(names = "--trust", paramLabel = "PUB.pem", description = "Public key or folder of keys to trust.")
    java.nio.file.Path trust;

    @Override
    public Integer call() {
        return NotInThisBuild.report(spec, parent.json(), "Receipt verification");
    }
}
