package org.riddance.removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riddance.platform.Command;
import org.riddance.platform.Host;
import org.riddance.platform.OsFamily;
import org.riddance.platform.ProcessResult;

/**
 * Which boot this is, so a relaunch can tell "the PC restarted" from "Riddance was only reopened". Linux keeps a
 * fresh id per boot in {@code /proc/sys/kernel/random/boot_id} (read under the host root, so a sandbox plays it);
 * Windows gives a fresh boot identifier too ({@link WindowsBoot}); macOS gives only the boot time, which the
 * comparison allows two minutes of clock drift (also Windows' fallback).
 */
public final class BootId {

    private static final Pattern SYSCTL_SEC = Pattern.compile("sec\\s*=\\s*(\\d+)");

    private BootId() {
    }

    public static String of(Host host) {
        Path bootId = host.files().resolve("/proc/sys/kernel/random/boot_id");
        try {
            if (Files.isRegularFile(bootId)) {
                return Files.readString(bootId).strip();
            }
            if (host.isSandbox()) {
                return "unknown";
            }
            if (host.os().family() == OsFamily.WINDOWS) {
                java.util.Optional<String> boot = WindowsBoot.identifier();
                if (boot.isPresent()) {
                    return "b:" + boot.get();
                }
                long uptime = com.sun.jna.platform.win32.Kernel32.INSTANCE.GetTickCount64();
                return "t:" + (System.currentTimeMillis() - uptime) / 1000;
            }
            if (host.os().family() == OsFamily.MACOS) {
                ProcessResult r = host.processes().run(Command.of("sysctl", "-n", "kern.boottime").build());
                Matcher m = SYSCTL_SEC.matcher(r.stdout());
                if (r.succeeded() && m.find()) {
                    return "t:" + m.group(1);
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            return "unknown";
        }
        return "unknown";
    }

    /** An unknown boot is taken as a new one: the technician relaunched after the restart they were asked for. */
    public static boolean same(String a, String b) {
        if (a.equals("unknown") || b.equals("unknown")) {
            return false;
        }
        if (a.startsWith("t:") && b.startsWith("t:")) {
            return Math.abs(Long.parseLong(a.substring(2)) - Long.parseLong(b.substring(2))) <= 120;
        }
        return a.equals(b);
    }
}
