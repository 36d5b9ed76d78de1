package org.riddance.cli;

import java.awt.print.PrinterException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riddance.engine.AppContext;
import org.riddance.engine.Remediation;
import org.riddance.engine.SigningKeys;
import org.riddance.receipt.KeyStoreException;
import org.riddance.receipt.ReceiptIssuer;
import org.riddance.receipt.ReceiptPrinter;
import org.riddance.receipt.SignedReceipt;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.session.SessionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Signs, prints or shows a completion receipt.",
        subcommands = {ReceiptCommand.Sign.class, ReceiptCommand.Print.class, ReceiptCommand.Show.class})
final class ReceiptCommand { // a group: without a subcommand picocli says which are missing, exit 2

    @ParentCommand
    RiddanceCommand parent;

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Signs the receipt of the open session (or the last one, or --session ID) and ends it. Writes "
                    + "<id>.receipt.json, .receipt.sig, .receipt.pdf and the public key into the data folder's receipts "
                    + "and, with --to, there too. Exit 0: signed, PASS; 1: signed, not PASS; 2: error, nothing signed.")
    static final class Sign implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ReceiptCommand receipt;

        @Option(names = "--key", paramLabel = "FILE", description = "The technician keystore (.p12); default: the "
                + "data folder's keys/riddance-signing.p12. Its passphrase comes from --passphrase-file, "
                + "RIDDANCE_PASSPHRASE or a prompt. Not used with --demo (the demo has its own key).")
        Path key;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The keystore passphrase, first line.")
        Path passphraseFile;

        @Option(names = "--session", paramLabel = "ID", description = "The session to sign (default: the open or last one).")
        String session;

        @Option(names = "--to", paramLabel = "DIR", description = "Also copy the receipt's files here.")
        Path to;

        @Mixin
        SessionFacts facts;

        @Override
        public Integer call() throws IOException {
            RiddanceCommand parent = receipt.parent;
            boolean json = parent.json();
            AppContext context = parent.context();
            List<String> problems = new ArrayList<>();
            Optional<Remediation> opened = parent.sessions(problems, spec.commandLine().getErr()).reopen(Optional.ofNullable(session));
            if (opened.isEmpty()) {
                return Json.error(spec, json, "receipt sign", "no-session", session == null
                        ? "There is no session to sign in " + context.dataDir() + ": run the work first (scan, backup, remove, check-av)."
                        : "There is no session " + session + " in " + context.dataDir() + ".");
            }
            try (Remediation remediation = opened.get()) {
                SessionInfo info;
                try {
                    Optional<SessionInfo> given = facts.over(remediation.info());
                    if (given.isPresent()) {
                        remediation.updateInfo(given.get());
                    }
                    info = remediation.info();
                } catch (IllegalArgumentException e) {
                    return Json.error(spec, json, "receipt sign", "bad-facts", e.getMessage());
                }
                if (!info.isComplete()) {
                    return Json.error(spec, json, "receipt sign", "no-technician", "The receipt needs who did the work and "
                            + "for whom: give --technician NAME --site NAME (or run 'riddance session start' first).");
                }
                SigningKey signingKey;
                try {
                    signingKey = signingKey(context);
                } catch (KeyStoreException | IllegalStateException e) {
                    return Json.error(spec, json, "receipt sign", "key", e.getMessage());
                }
                ReceiptIssuer.Issued issued = remediation.signReceipt(signingKey);
                List<Path> copies = to == null ? List.of() : issued.copyTo(to);
                remediation.finish("signed");
                ReceiptSummary.print(spec.commandLine().getOut(), json, issued, copies, problems);
                return issued.payload().result().equals("pass") ? ExitCode.OK : ExitCode.FOUND_OR_FAILED;
            }
        }

        private SigningKey signingKey(AppContext context) throws KeyStoreException, IOException {
            if (context.demo()) {
                if (key != null) {
                    spec.commandLine().getErr().println("riddance receipt sign: --demo signs with the demo key; " + key
                            + " was not used");
                }
                return SigningKeys.demo(context);
            }
            Path keystore = key != null ? key : SigningKeys.technicianFolder(context).resolve(TechnicianKeystore.KEYSTORE);
            char[] passphrase = Passphrase.read(passphraseFile, System.getenv(), System.console());
            try {
                return TechnicianKeystore.open(keystore, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Command(name = "print", mixinStandardHelpOptions = true,
            description = "Prints a receipt's PDF (FILE is the .receipt.pdf, or its .receipt.json beside it) to the named "
                    + "printer or the default one. Exit 0: sent to the printer; 2: no printer, or the queue refused.")
    static final class Print implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ReceiptCommand receipt;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--printer", paramLabel = "NAME", description = "The printer (default: the system's default printer).")
        String printer;

        @Option(names = "--copies", paramLabel = "N", description = "How many copies (default: ${DEFAULT-VALUE}).")
        int copies = 1;

        @Override
        public Integer call() throws IOException {
            boolean json = receipt.parent.json();
            Path pdf = ReceiptSummary.pdfOf(file);
            if (!Files.isRegularFile(pdf)) {
                return Json.error(spec, json, "receipt print", "not-found", "There is no receipt PDF at " + pdf);
            }
            if (copies < 1 || copies > 20) {
                return Json.error(spec, json, "receipt print", "bad-copies", "--copies takes 1 to 20");
            }
            try {
                ReceiptPrinter.print(pdf, Optional.ofNullable(printer), copies);
            } catch (PrinterException e) {
                org.slf4j.LoggerFactory.getLogger(ReceiptCommand.class).warn("Printing {} failed: {}", pdf, e.getMessage());
                return Json.error(spec, json, "receipt print", "printer", e.getMessage());
            }
            org.slf4j.LoggerFactory.getLogger(ReceiptCommand.class).info("Sent {} to {} ({} copies)", pdf,
                    printer == null ? "the default printer" : printer, copies);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("command", "receipt print");
                out.put("status", "sent");
                out.put("file", pdf.toString());
                out.put("printer", printer == null ? "default" : printer);
                out.put("copies", copies);
                spec.commandLine().getOut().println(Json.write(out));
            } else {
                spec.commandLine().getOut().println("Sent " + pdf.getFileName() + " to "
                        + (printer == null ? "the default printer" : printer) + (copies > 1 ? " (" + copies + " copies)" : "") + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a receipt (its .receipt.json) as text. To check its signature, use 'riddance verify'.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ReceiptCommand receipt;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            boolean json = receipt.parent.json();
            Path receiptJson = ReceiptSummary.jsonOf(file);
            SignedReceipt signed;
            try {
                signed = SignedReceipt.read(receiptJson);
            } catch (IOException | RuntimeException e) {
                return Json.error(spec, json, "receipt show", "unreadable", "Cannot read the receipt " + receiptJson + ": "
                        + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(signed.payloadText());
            } else {
                ReceiptSummary.printPayload(out, signed.payloadText());
            }
            return ExitCode.OK;
        }
    }
}
