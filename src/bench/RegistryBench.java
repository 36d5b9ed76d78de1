import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.riddance.platform.HiveRegistry;
import org.riddance.platform.RegFileParser;
import org.riddance.platform.RegistryView;

/**
 * In-process figures for the registry readers (issue 18 item 2), run by src/bench/registry.sh with the project's
 * classes on the class path (java's single-file source launcher):
 *
 * <pre>
 *   generate FILE MB          a regedit-like UTF-16LE export of uninstall keys and services, MB megabytes
 *   generate-reg FILE MB      the same keys relative to a hive root, UTF-8, for hivexregedit --merge
 *   multiline FILE LINES      an export holding one string of LINES lines
 *   parse FILE RUNS           parse the export RUNS times in this JVM: median and min-max MB/s
 *   hive FILE RUNS            walk every key and value of a hive mounted as HKLM\SOFTWARE: median MB/s
 * </pre>
 */
public class RegistryBench {

    private static final String UNINSTALL = "Microsoft\\Windows\\CurrentVersion\\Uninstall";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]) * 1_000_000, true);
            case "generate-reg" -> generate(Path.of(args[1]), Long.parseLong(args[2]) * 1_000_000, false);
            case "multiline" -> multiline(Path.of(args[1]), Integer.parseInt(args[2]));
            case "parse" -> parse(Path.of(args[1]), Integer.parseInt(args[2]));
            case "hive" -> hive(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void generate(Path file, long size, boolean export) throws IOException {
        String root = export ? "HKEY_LOCAL_MACHINE\\SOFTWARE\\" : "\\";
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            long written = 0;
            StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n");
            if (export) {
                out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            } else {
                text.append("[\\Microsoft]\r\n\r\n[\\Microsoft\\Windows]\r\n\r\n[\\Microsoft\\Windows\\CurrentVersion]\r\n\r\n")
                        .append("[\\").append(UNINSTALL).append("]\r\n\r\n");
            }
            for (int i = 0; written < size; i++) {
                String guid = String.format("{%08d-0000-0000-0000-000000000000}", i);
                text.append('[').append(root).append(UNINSTALL).append('\\').append(guid).append("]\r\n")
                        .append("\"DisplayName\"=\"Product ").append(i).append("\"\r\n")
                        .append("\"Publisher\"=\"Vendor ").append(i % 500).append("\"\r\n")
                        .append("\"DisplayVersion\"=\"1.0.").append(i).append("\"\r\n")
                        .append("\"InstallLocation\"=\"C:\\\\Program Files\\\\Vendor ").append(i % 500).append("\\\\\"\r\n")
                        .append("\"UninstallString\"=hex(2):")
                        .append(hex(("MsiExec.exe /X" + guid + "\0").getBytes(StandardCharsets.UTF_16LE)))
                        .append("\r\n\"WindowsInstaller\"=dword:00000001\r\n\"EstimatedSize\"=dword:0001d4c0\r\n\r\n");
                byte[] bytes = text.toString().getBytes(export ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
                out.write(bytes);
                written += bytes.length;
                text.setLength(0);
            }
        }
    }

    /** Wrapped like regedit: 25 bytes on the first line, then lines of 25 indented by two spaces. */
    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            hex.append(String.format("%02x", bytes[i]));
            if (i < bytes.length - 1) {
                hex.append(',');
                if (i % 25 == 24) {
                    hex.append("\\\r\n  ");
                }
            }
        }
        return hex.toString();
    }

    private static void multiline(Path file, int lines) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Q]\r\n\"Query\"=\"start");
        for (int i = 0; i < lines; i++) {
            text.append("\r\n  SELECT column").append(i % 10).append(" FROM table WHERE x = \\\"y\\\"");
        }
        Files.write(file, text.append("\"\r\n").toString().getBytes(StandardCharsets.UTF_16LE));
    }

    private static void parse(Path file, int runs) throws IOException {
        double megabytes = Files.size(file) / 1e6;
        RegFileParser.read(file); // warm-up
        RegFileParser.read(file);
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            RegistryView registry = RegFileParser.read(file);
            double s = (System.nanoTime() - start) / 1e9;
            cpuRates.add(megabytes / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
            if (!registry.unreadable().isEmpty()) {
                throw new IllegalStateException(registry.unreadable().get(0));
            }
            seconds.add(s);
            rates.add(megabytes / s);
        }
        report("parse " + file.getFileName() + String.format(" (%.1f MB)", megabytes), rates, seconds);
        double[] c = cpuRates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  per CPU second of the parsing thread (what a busy machine cannot hide): median %.0f MB/s"
                + " (min %.0f, max %.0f)%n", c[c.length / 2], c[0], c[c.length - 1]);
    }

    private static void hive(Path file, int runs) {
        double megabytes = file.toFile().length() / 1e6;
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long[] counted = new long[2];
        for (int i = 0; i < runs + 2; i++) {
            long start = System.nanoTime();
            HiveRegistry registry = HiveRegistry.open(Map.of("SOFTWARE", file));
            counted[0] = 0;
            counted[1] = 0;
            walk(registry, "HKEY_LOCAL_MACHINE\\SOFTWARE", counted);
            double s = (System.nanoTime() - start) / 1e9;
            if (!registry.unreadable().isEmpty()) {
                throw new IllegalStateException(registry.unreadable().get(0));
            }
            if (i >= 2) { // two warm-up walks
                seconds.add(s);
                rates.add(megabytes / s);
            }
        }
        report(String.format("hive walk %s (%.1f MB, %d keys, %d values)", file.getFileName(), megabytes,
                counted[0], counted[1]), rates, seconds);
    }

    private static void walk(RegistryView registry, String key, long[] counted) {
        counted[0]++;
        counted[1] += registry.values(key).size();
        for (String subkey : registry.subkeys(key)) {
            walk(registry, key + "\\" + subkey, counted);
        }
    }

    private static void report(String what, List<Double> rates, List<Double> seconds) {
        double[] r = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: median %.0f MB/s (min %.0f, max %.0f), median %.3f s over %d runs%n",
                what, r[r.length / 2], r[0], r[r.length - 1], s[s.length / 2], r.length);
        Arrays.sort(r);
    }
}
