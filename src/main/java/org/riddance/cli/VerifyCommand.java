package org.riddance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.receipt.DisplayText;
import org.riddance.receipt.ReceiptCheck;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.TrustStore;
import org.riddance.receipt.TrustedKeys;
import org.riddance.receipt.Verdict;
import org.riddance.rollup.RollupCheck;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks a receipt: a .receipt.json with its .sig, a receipt PDF, the text of its QR code, or a scan "
                + "of it, against the office's trusted keys. A PDF is valid only if what it prints matches what its QR code "
                + "signs. An office roll-up (.rollup.json with its .rollup.sig, or .rollup.pdf with the .rollup.json beside it) is "
                + "checked the same way. Exit 0: valid; 1: invalid or signed by an unknown key; 2: unreadable.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE", description = "A .receipt.json (with .sig beside it) or .receipt.pdf; or a .rollup.json or .rollup.pdf.")
        Path file;

        @Option(names = "--qr-text", paramLabel = "TEXT", description = "The text read from the receipt's QR code.")
        String qrText;

        @Option(names = "--qr-image", paramLabel = "IMAGE", description = "A scan or photo (PNG, JPG) of the receipt's QR code.")
        Path qrImage;
    }

    @Option(names = "--trust", paramLabel = "PUB.pem|DIR",
            description = "A technician's public key, or a folder of them, to trust instead of the office's trusted keys "
                    + "(the data folder's trusted-keys, managed with 'riddance trust').")
    Path trust;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrustedKeys trusted;
        try {
            trusted = trust != null ? TrustedKeys.load(trust) : TrustStore.forVerifying(parent.context().dataDir());
        } catch (IOException e) {
            err.println("riddance verify: cannot read the trusted keys: " + e.getMessage());
            return ExitCode.ERROR;
        }
        boolean rollup = source.file != null && RollupCheck.isRollup(source.file);
        ReceiptCheck.Result result = rollup ? RollupCheck.file(source.file, trusted)
                : source.qrText != null ? ReceiptCheck.qrText(source.qrText, trusted)
                : ReceiptCheck.file(source.qrImage != null ? source.qrImage : source.file, trusted);
        return report(out, rollup ? "Roll-up " : "Receipt ", result.verdict(), result.receipt());
    }

    private int report(PrintWriter out, String what, Verdict verdict, Optional<SignedReceipt> receipt) {
        if (parent.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "verify");
            json.put("valid", verdict.valid());
            json.put("reason", verdict.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            json.put("detail", verdict.detail());
            json.put("key", verdict.keyFingerprint());
            receipt.filter(r -> verdict.valid()).ifPresent(r -> json.put("payload", r.payloadText()));
            try {
                out.println(new ObjectMapper().writeValueAsString(json));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(what + verdict);
            // names in the payload may hold C1 controls, which canonical JSON leaves raw: never to the terminal
            receipt.filter(r -> verdict.valid()).ifPresent(r -> out.println(DisplayText.escape(r.payloadText())));
        }
        return switch (verdict.reason()) {
            case VALID -> ExitCode.OK;
            case UNREADABLE -> ExitCode.ERROR;
            default -> ExitCode.FOUND_OR_FAILED;
        };
    }
}
