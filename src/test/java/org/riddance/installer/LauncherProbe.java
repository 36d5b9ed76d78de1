package org.riddance.installer;

/**
 * Started by the Linux launcher under test in place of Riddance: prints what it was given, one line each, and
 * exits with the code after {@code --exit}, if any.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("app-path=" + System.getProperty("jpackage.app-path"));
        System.out.println("app-dir=" + System.getProperty("probe.app-dir"));
        System.out.println("root-dir=" + System.getProperty("probe.root-dir"));
        System.out.println("java.home=" + System.getProperty("java.home"));
        for (String arg : args) {
            System.out.println("arg=[" + arg + "]");
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--exit")) {
                System.exit(Integer.parseInt(args[i + 1]));
            }
        }
    }
}
