package org.riddance.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riddance.catalog.Catalog;
import org.riddance.catalog.ProductRule;
import org.riddance.detect.Finding;
import org.riddance.platform.Authenticode;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;
import org.riddance.work.Cancellation;

/**
 * The vendor's own settings export ({@code avp.com EXPORT}, {@code kesl-control --export-settings},
 * {@code klbackup}). The program path comes from the catalog and the product's registry entry, so it is
 * checked before it runs: an existing regular file at that exact place, signed by the vendor on Windows,
 * and on Linux and macOS writable by nobody but its owner (otherwise anyone could swap it for their own
 * program and have Riddance run it with administrator rights).
 */
final class VendorExports {

    static final String OUT = "out";
    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);

    private final Host host;
    private final Catalog catalog;

    VendorExports(Host host, Catalog catalog) {
        this.host = host;
        this.catalog = catalog;
    }

    PlannedItem plan(Finding finding, ProductRule.BackupItem item, String key, Map<String, String> placeholders) {
        List<String> argv = fill(item.argv(), placeholders, "<export file>");
        String shown = String.join(" ", argv);
        if (argv.isEmpty()) {
            return BackupPlanner.unavailable(finding, item, key, PlannedItem.Kind.VENDOR_EXPORT, String.join(" ", item.argv()),
                    "The product's registry entry does not say where the product is installed");
        }
        Optional<String> problem = checkProgram(finding, argv.get(0));
        if (problem.isPresent()) {
            return BackupPlanner.unavailable(finding, item, key, PlannedItem.Kind.VENDOR_EXPORT, shown, problem.get());
        }
        return new PlannedItem(key, finding.productId(), finding.product(), item.what(), PlannedItem.Kind.VENDOR_EXPORT,
                shown, null, null, fill(item.argv(), placeholders, "{out}"), -1, 1, null, null);
    }

    /**
     * Runs the export into {@code out}.
     *
     * @return null when the export was written, else why not
     */
    static String run(Host host, PlannedItem item, Path out, Cancellation cancel) throws IOException {
        List<String> argv = new ArrayList<>();
        for (String arg : item.argv()) {
            argv.add(arg.replace("{out}", out.toString()));
        }
        argv.set(0, host.files().resolve(argv.get(0)).toString());
        ProcessResult result = host.processes().run(Command.of(argv).timeout(TIME_LIMIT).build(), cancel);
        if (result.ending() != ProcessResult.Ending.EXITED) {
            return "the export did not finish (" + result.ending().name().toLowerCase().replace('_', ' ') + ")";
        }
        if (result.exitCode() != 0) {
            String said = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
            return "the export failed with exit code " + result.exitCode()
                    + (said.isEmpty() ? "" : ": " + said.lines().findFirst().orElse(""));
        }
        if (!Files.isRegularFile(out) || Files.size(out) == 0) {
            return "the export reported success but wrote no file";
        }
        return null;
    }

    private Optional<String> checkProgram(Finding finding, String program) {
        Path path;
        try {
            path = host.files().resolve(program);
        } catch (IllegalArgumentException e) {
            return Optional.of("Not an absolute program path: " + program);
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("The vendor's export program is not there: " + program);
        }
        try {
            return finding.platform() == OsFamily.WINDOWS ? checkSigned(finding, path) : checkOwnerOnlyWritable(path);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("Cannot check the export program " + program + ": " + e.getMessage());
        }
    }

    private Optional<String> checkSigned(Finding finding, Path path) throws IOException {
        Optional<Authenticode.SignerInfo> signer = Authenticode.signer(path);
        boolean vendorSigned = signer.isPresent() && catalog.vendor(finding.vendor())
                .map(v -> v.signs(signer.get().commonName()) || v.signs(signer.get().organisation())).orElse(false);
        return vendorSigned ? Optional.empty()
                : Optional.of("The export program is not signed by " + finding.vendor() + ", so Riddance will not run it");
    }

    private Optional<String> checkOwnerOnlyWritable(Path path) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("The export program can be changed by other accounts, so Riddance will not run it");
        }
        if (!attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE)) {
            return Optional.of("The export program is not executable");
        }
        return Optional.empty();
    }

    private static List<String> fill(List<String> argv, Map<String, String> placeholders, String out) {
        List<String> filled = new ArrayList<>();
        for (String arg : argv) {
            Map<String, String> values = new java.util.HashMap<>(placeholders);
            values.put(OUT, out);
            Optional<String> value = Placeholders.fill(arg, values);
            if (value.isEmpty()) {
                return List.of();
            }
            filled.add(value.get());
        }
        return filled;
    }
}
