package org.riddance.ui.remove;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.riddance.journal.JournalContents;
import org.riddance.journal.JournalRecord;
import org.riddance.removal.HangPolicy;
import org.riddance.removal.PasswordPrompt;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalListener;
import org.riddance.removal.RemovalLog;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.SessionRecorder;

/**
 * What the removal core asks of the wizard, answered from its worker thread: journal records through the session
 * recorder (on disk before the next command), passwords and the "still working?" question through dialogs on the FX
 * thread, and live news for the plan rows and the log.
 */
final class UiRemovalBridge {

    private final SessionRecorder recorder;
    private final DialogService dialogs;

    UiRemovalBridge(SessionRecorder recorder, DialogService dialogs) {
        this.recorder = recorder;
        this.dialogs = dialogs;
    }

    RemovalLog log() {
        return new RemovalLog() {
            @Override
            public void record(String type, Map<String, Object> data) throws IOException {
                join(recorder.withSession(s -> {
                    s.record(type, data);
                    return null;
                }));
            }

            @Override
            public List<JournalRecord> records() throws IOException {
                return join(recorder.withSession(s -> JournalContents.read(s.journal().file()).records()));
            }
        };
    }

    /** KES asks for account and password (KLLOGIN/KLPASSWD); Network Agent for its uninstall password only. */
    PasswordPrompt passwords() {
        return (item, why) -> {
            boolean agent = item.passwordProperties().contains(Passwords.AGENT_PASSWORD);
            Optional<DialogService.Credentials> answer = onFx(() -> dialogs.askPassword(
                    Messages.get("remove.password.title", item.product()), Messages.get("remove.password.body", why),
                    agent ? Optional.empty() : Optional.of(Passwords.DEFAULT_LOGIN)));
            return answer.map(c -> agent ? Map.of(Passwords.AGENT_PASSWORD, c.password())
                    : Map.of(Passwords.LOGIN, c.account().isBlank() ? Passwords.DEFAULT_LOGIN : c.account(),
                    Passwords.PASSWORD, c.password()));
        };
    }

    /** Closing the question without an answer keeps waiting: nothing is killed without the technician saying so. */
    HangPolicy hang() {
        return (RemovalItem item, String command, Duration waited) -> {
            int choice = onFx(() -> dialogs.choose(Messages.get("remove.hung.title", item.product()),
                    Messages.get("remove.hung.body", item.product(), waited.toMinutes() > 0 ? waited.toMinutes() + " min"
                            : waited.toSeconds() + " s", command),
                    List.of(Messages.get("remove.hung.wait"), Messages.get("remove.hung.stop"))));
            return choice == 1 ? HangPolicy.Choice.STOP : HangPolicy.Choice.WAIT_LONGER;
        };
    }

    /** What kavremover said when the technician closed it; only recorded, the rescan decides. */
    boolean reported(RemovalItem item) {
        int choice = onFx(() -> dialogs.choose(Messages.get("remove.kavremover.report.title"),
                Messages.get("remove.kavremover.report.body", item.product()),
                List.of(Messages.get("remove.kavremover.report.removed"), Messages.get("remove.kavremover.report.not"))));
        return choice == 0;
    }

    static RemovalListener listener(Consumer<String> log, BiConsumer<String, Map.Entry<RemovalListener.Status, String>> status) {
        return new RemovalListener() {
            @Override
            public void log(String line) {
                Platform.runLater(() -> log.accept(line));
            }

            @Override
            public void status(String id, Status s, String detail) {
                Platform.runLater(() -> status.accept(id, Map.entry(s, detail)));
            }
        };
    }

    private static <T> T onFx(java.util.function.Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }

    static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
