package org.riddance.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.riddance.journal.OpenSession;

/**
 * The text a technician pastes into a support ticket: versions, machine, privileges, where the data is, the
 * state of the open session, and the end of the log. Carries no passwords: the log never has them.
 */
public final class Diagnostics {

    static final int LOG_TAIL_BYTES = 16 * 1024;

    private Diagnostics() {
    }

    public static String collect(AppContext context) {
        StringBuilder text = new StringBuilder();
        text.append("Riddance ").append(AppVersion.version()).append('\n');
        text.append("Java: ").append(System.getProperty("java.vendor")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        text.append("OS: ").append(context.host().os().summary()).append('\n');
        text.append("Host: ").append(context.host().os().hostname())
                .append(context.host().isSandbox() ? " (sandbox " + context.host().files().root() + ")" : "").append('\n');
        text.append("Administrator/root: ").append(context.host().privileges().elevated() ? "yes" : "no").append('\n');
        text.append("Data folder: ").append(context.dataDir()).append('\n');
        try {
            Optional<OpenSession> open = context.sessions().findOpen();
            text.append("Open session: ").append(open.map(Diagnostics::describe).orElse("none")).append('\n');
        } catch (IOException e) {
            text.append("Open session: unreadable (").append(e.getMessage()).append(")\n");
        }
        text.append("\n--- end of ").append(context.logDir().resolve("riddance.log")).append(" ---\n");
        text.append(logTail(context.logDir().resolve("riddance.log")));
        return text.toString();
    }

    private static String describe(OpenSession s) {
        return s.id() + " at step " + s.resumeStep().id()
                + (s.check().chainIntact() ? ", journal intact" : ", journal BROKEN: " + s.check().broken().get());
    }

    static String logTail(Path log) {
        if (!Files.isRegularFile(log)) {
            return "(no log yet)\n";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String tail = new String(bytes, StandardCharsets.UTF_8);
            int firstLine = start == 0 ? 0 : tail.indexOf('\n') + 1;
            return tail.substring(firstLine);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")\n";
        }
    }
}
