import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The floor for src/bench/cli-startup.sh: the least a Java program can do for each command, run from the same jar
 * and archive as the hello world, so the ratio it prints says how much of a command's time no code of ours could
 * take away on this machine.
 * <pre>
 *   scan               what a Linux scan cannot skip: ask dpkg-query and rpm for every package, list the systemd
 *                      unit folders, read the name of every running process; no catalog, no options, no report
 *   verify JSON SIG PEM  what `openssl pkeyutl -verify` does: one Ed25519 signature over the receipt's bytes, with
 *                      the Bouncy Castle code the real command uses; no JSON, no trust store, no report
 *   verify-without-cli JSON PEM  everything `riddance verify JSON --trust PEM` does (the head start, the trusted key,
 *                      the receipt check, the verdict printed) except reading its arguments with picocli: what
 *                      replacing the command-line library would buy (decision 0033)
 * </pre>
 */
public final class Floor {

    private static final Set<String> PACKAGES = Set.of("kesl", "kesl-gui", "klnagent", "klnagent64", "kav4fs");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("scan")) {
            System.out.println(scan() + " hits");
        } else if (args[0].equals("verify-without-cli")) {
            org.riddance.engine.HeadStart.begin(false);
            org.riddance.receipt.TrustedKeys trusted = org.riddance.receipt.TrustedKeys.load(Path.of(args[2]));
            org.riddance.receipt.Verdict verdict =
                    org.riddance.receipt.ReceiptCheck.file(Path.of(args[1]), trusted).verdict();
            System.out.println("Receipt " + verdict);
            System.exit(verdict.valid() ? 0 : 2);
        } else {
            if (!verify(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]))) {
                System.err.println("the signature does not verify: the floor would time a failed check");
                System.exit(2);
            }
            System.out.println("valid");
        }
    }

    private static int scan() throws IOException, InterruptedException {
        int hits = 0;
        for (List<String> query : List.of(
                List.of("dpkg-query", "--admindir=/var/lib/dpkg", "-W",
                        "-f=${Package}\\t${Version}\\t${Status}\\t${Maintainer}\\n"),
                List.of("rpm", "--dbpath=/var/lib/rpm", "-qa", "--qf",
                        "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n"))) {
            Process process = new ProcessBuilder(query).start();
            String packages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            for (String line : packages.split("\n")) {
                if (PACKAGES.contains(line.split("\t", -1)[0]) || line.toLowerCase(Locale.ROOT).contains("kaspersky")) {
                    hits++;
                }
            }
        }
        for (String folder : List.of("/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system",
                "/run/systemd/system")) {
            if (Files.isDirectory(Path.of(folder))) {
                try (DirectoryStream<Path> units = Files.newDirectoryStream(Path.of(folder))) {
                    for (Path unit : units) {
                        hits += unit.getFileName().toString().startsWith("kesl") ? 1 : 0;
                    }
                }
            }
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    hits += Files.readString(process.resolve("comm")).startsWith("kesl") ? 1 : 0;
                } catch (IOException gone) {
                    // the process ended between the listing and the read
                }
            }
        }
        return hits;
    }

    private static boolean verify(Path json, Path sig, Path pem) throws IOException {
        byte[] payload = Files.readAllBytes(json);
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----|\\s", "");
        byte[] spki = Base64.getDecoder().decode(base64); // RFC 8410: a 12-byte header, then the 32-byte key
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(Files.readAllBytes(sig), 0, spki, spki.length - 32,
                payload, 0, payload.length);
    }
}
