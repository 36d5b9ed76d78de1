package org.riddance.removal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.riddance.platform.Command;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.ProcessResult;
import org.riddance.platform.ProcessRunner;
import org.riddance.platform.SystemRoot;
import org.riddance.work.Cancellation;

/**
 * A stand-in for Windows Installer on a Linux test machine. It knows the MSI products "installed" in a Windows sandbox
 * and answers {@code msiexec /x {ProductCode} NAME=value ... /l*v LOG} as msiexec does: an unknown product code
 * ends with 1605 and touches nothing; a product whose uninstall needs properties (KES's KLLOGIN/KLPASSWD, Network
 * Agent's KLUNINSTPASSWD) ends with 1603 and touches nothing unless the command line carries exactly those values;
 * otherwise what an MSI uninstall removes goes (the Uninstall entry, the product's keys and services, its folders)
 * and it ends with the product's success code (0, or 3010 when a driver needs a restart). The effect therefore
 * follows from the command the executor really built, never from the test's say-so.
 *
 * <p>Exit codes: Microsoft, "MsiExec.exe and InstMsi.exe Error Messages" (learn.microsoft.com/windows/win32/msi/error-codes).
 * The verbose log lines follow the form of a Windows Installer log ({@code MainEngineThread is returning N}); no
 * Kaspersky-specific log text is public, so none is invented here.
 */
public final class StandInMsiexec implements ProcessRunner {

    static final String UNINSTALL = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\";
    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";
    public static final String KES_CODE = "{C9EF800D-54AA-4F60-AB96-5A3966550F53}";
    public static final String AGENT_CODE = "{2924BEDA-E0D7-4DAF-A224-50D2E0B12F5B}";

    /**
     * KES 11.11 as {@code registry/kaspersky-kes-windows.reg} installs it: its uninstall removes its entry, its
     * {@code protected\KES} key, the AVP service and the klif driver, and its program folder. The keyboard and mouse
     * filter drivers are left for Riddance's clean-up, as an uninstall that is cut short leaves them.
     */
    public static Product kes() {
        return new Product(KES_CODE, UNINSTALL + KES_CODE, List.of(
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES", SERVICES + "AVP", SERVICES + "klif"),
                List.of("C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security for Windows"), Map.of(), 0);
    }

    /** Network Agent 14 of the same fixture: its entry, the klnagent service, its folder. */
    public static Product agent() {
        return new Product(AGENT_CODE, UNINSTALL + AGENT_CODE, List.of(SERVICES + "klnagent"),
                List.of("C:\\Program Files (x86)\\Kaspersky Lab\\NetworkAgent"), Map.of(), 0);
    }

    /** One installed MSI product and what its uninstall removes. */
    public record Product(String code, String uninstallKey, List<String> keys, List<String> folders,
                   Map<String, String> required, int successCode) {

        public Product withRequired(Map<String, String> properties) {
            return new Product(code, uninstallKey, keys, folders, Map.copyOf(properties), successCode);
        }

        /** The same product registered with Windows Installer under another code than its Uninstall entry names. */
        public Product knownAs(String otherCode) {
            return new Product(otherCode, uninstallKey, keys, folders, required, successCode);
        }

        public Product endingWith(int code) {
            return new Product(this.code, uninstallKey, keys, folders, required, code);
        }
    }

    private final InMemoryRegistry registry;
    private final SystemRoot files;
    private final Map<String, Product> products = new LinkedHashMap<>();

    public StandInMsiexec(InMemoryRegistry registry, SystemRoot files) {
        this.registry = registry;
        this.files = files;
    }

    /** Registers the product with the stand-in installer and lays down its folders with a file in each. */
    public StandInMsiexec installed(Product product) {
        products.put(product.code().toUpperCase(Locale.ROOT), product);
        for (String folder : product.folders()) {
            try {
                Path dir = Files.createDirectories(files.resolve(folder));
                Files.writeString(dir.resolve("stand-in.txt"), "stand-in file of a test, not the vendor's\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    @Override
    public ProcessResult run(Command command, Cancellation cancellation) throws IOException {
        List<String> argv = command.argv();
        if (!argv.get(0).toLowerCase(Locale.ROOT).endsWith("msiexec.exe") || !argv.contains("/x")) {
            throw new AssertionError("the stand-in answers only msiexec /x, not: " + command.describe());
        }
        String code = argv.get(argv.indexOf("/x") + 1);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            if (eq > 0 && arg.substring(0, eq).matches("[A-Z][A-Z0-9_]*")) {
                properties.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int logAt = argv.indexOf("/l*v");
        Path log = logAt >= 0 ? Path.of(argv.get(logAt + 1)) : null;
        return ended(log, command, uninstall(code, properties));
    }

    private int uninstall(String code, Map<String, String> properties) {
        Product product = products.get(code.toUpperCase(Locale.ROOT));
        if (product == null || !registry.exists(product.uninstallKey())) {
            return 1605; // "This action is only valid for products that are currently installed."
        }
        for (Map.Entry<String, String> needed : product.required().entrySet()) {
            if (!needed.getValue().equals(properties.get(needed.getKey()))) {
                return 1603; // the product's own custom action refuses; Windows Installer rolls back
            }
        }
        registry.deleteKey(product.uninstallKey());
        product.keys().forEach(registry::deleteKey);
        product.folders().forEach(this::deleteFolder);
        products.remove(code.toUpperCase(Locale.ROOT));
        return product.successCode();
    }

    private void deleteFolder(String folder) {
        Path dir = files.resolve(folder);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verbose log in msiexec's UTF-16LE, echoing the command line as it does for properties not marked hidden. */
    private static ProcessResult ended(Path log, Command command, int exitCode) throws IOException {
        if (log != null) {
            Files.write(log, ("=== Verbose logging started ===\r\n"
                    + "******* Command Line: '" + String.join(" ", command.argv().subList(1, command.argv().size())) + "'\r\n"
                    + "MainEngineThread is returning " + exitCode + "\r\n"
                    + "=== Verbose logging stopped ===\r\n").getBytes(StandardCharsets.UTF_16LE));
        }
        return new ProcessResult(exitCode, "", "", false, ProcessResult.Ending.EXITED, Duration.ofMillis(5));
    }
}
