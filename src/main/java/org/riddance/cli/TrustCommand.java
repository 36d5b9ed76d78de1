package org.riddance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riddance.receipt.TrustStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The office's trusted technician keys: a thin face over {@link TrustStore}. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Manages the office's trusted technician keys (the data folder's trusted-keys folder): receipts "
                + "verify as valid only under these. Add a key you got from your office, never one that came with a receipt.")
final class TrustCommand {

    @Spec
    CommandSpec spec;

    @ParentCommand
    RiddanceCommand parent;

    @Command(name = "add", description = "Trusts the public key in PUB.pem.")
    int add(@Parameters(paramLabel = "PUB.pem") Path pem) {
        return run(store -> {
            TrustStore.Added added = store.add(pem);
            print(added.isNew() ? "Trusted" : "Already trusted", added.entry(), "added", added.isNew());
        });
    }

    @Command(name = "list", description = "Lists the trusted keys by fingerprint.")
    int list() {
        return run(store -> {
            List<TrustStore.Entry> entries = store.list();
            PrintWriter out = spec.commandLine().getOut();
            if (parent.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("command", "trust list");
                json.put("folder", store.folder().toString());
                json.put("keys", entries.stream().map(e -> new TreeMap<>(Map.of("fingerprint", e.fingerprint(),
                        "file", e.file().toString()))).toList());
                out.println(Json.write(json));
                return;
            }
            out.println(entries.isEmpty() ? "No trusted keys in " + store.folder() + "; add one with 'riddance trust add PUB.pem'."
                    : entries.size() + " trusted key" + (entries.size() == 1 ? "" : "s") + " in " + store.folder() + ":");
            entries.forEach(e -> out.println("  " + e.fingerprint() + "  " + e.file().getFileName()));
        });
    }

    @Command(name = "remove", description = "Stops trusting a key, given as its PEM file or its fingerprint (8 or more hex digits).")
    int remove(@Parameters(paramLabel = "PUB.pem|FINGERPRINT") String key) {
        return run(store -> {
            List<TrustStore.Entry> removed = store.remove(key);
            if (removed.isEmpty()) {
                throw new IOException("no trusted key matches " + key + " (see 'riddance trust list')");
            }
            print("No longer trusted", removed.get(0), "removed", true);
        });
    }

    @FunctionalInterface
    private interface Action {
        void run(TrustStore store) throws IOException;
    }

    private int run(Action action) {
        try {
            action.run(new TrustStore(parent.context().dataDir()));
            return ExitCode.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("riddance trust: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    private void print(String what, TrustStore.Entry entry, String field, boolean changed) {
        PrintWriter out = spec.commandLine().getOut();
        if (parent.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", "trust");
            json.put("fingerprint", entry.fingerprint());
            json.put("file", entry.file().toString());
            json.put(field, changed);
            out.println(Json.write(json));
        } else {
            out.println(what + ": " + entry.fingerprint() + " (" + entry.file() + ")");
        }
    }
}
