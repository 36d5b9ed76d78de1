package org.riddance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.Hosts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "The demo sandbox, for training and tests.",
        subcommands = DemoCommand.Create.class)
final class DemoCommand { // a group: without a subcommand picocli says which are missing, exit 2

    @ParentCommand
    RiddanceCommand parent;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Builds a sandbox of stand-in packages in DIR (an empty or new folder) with the real dpkg: "
                    + "Kaspersky's Linux packages as stand-ins, look-alike decoys and leftover folders. Use it with "
                    + "--root DIR; nothing outside DIR is touched.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        DemoCommand demo;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @picocli.CommandLine.Option(names = "--hostname", paramLabel = "NAME",
                description = "The sandbox PC's name (default: ${DEFAULT-VALUE}); give each its own to stand for several PCs")
        String hostname = DemoSandbox.HOSTNAME;

        @Override
        public Integer call() throws IOException {
            boolean json = demo.parent.json();
            if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
                return Json.error(spec, json, "demo create", "not-empty",
                        dir + " is not an empty folder: give a new or empty one (nothing was changed)");
            }
            if (!DemoSandbox.validHostname(hostname)) {
                return Json.error(spec, json, "demo create", "bad-hostname", "--hostname " + hostname
                        + " is not a PC name: letters, digits and hyphens, at most 63 (nothing was changed)");
            }
            DemoSandbox.rebuild(dir, hostname, Hosts.live().processes());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("command", "demo create");
                out.put("status", "created");
                out.put("root", dir.toAbsolutePath().toString());
                spec.commandLine().getOut().println(Json.write(out));
            } else {
                spec.commandLine().getOut().println("Demo sandbox built in " + dir.toAbsolutePath()
                        + "; try: riddance --root " + dir + " scan");
            }
            return ExitCode.OK;
        }

        private static boolean isEmpty(Path folder) throws IOException {
            try (var list = Files.list(folder)) {
                return list.findAny().isEmpty();
            }
        }
    }
}
