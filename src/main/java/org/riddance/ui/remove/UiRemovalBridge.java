package org.riddance.ui.remove;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.riddance.engine.RemovalHandlers;
import org.riddance.removal.Blockage;
import org.riddance.removal.HangPolicy;
import org.riddance.removal.RemovalOptions;
import org.riddance.removal.PasswordPrompt;
import org.riddance.removal.Passwords;
import org.riddance.removal.RemovalItem;
import org.riddance.removal.RemovalListener;
import org.riddance.ui.DialogService;
import org.riddance.ui.Messages;

/**
 * What the removal core asks of the wizard, answered from its worker thread: passwords and the "still working?"
 * question through dialogs on the FX thread, and live news for the plan rows and the log.
 */
final class UiRemovalBridge {

    private final DialogService dialogs;

    UiRemovalBridge(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** Dialogs for passwords and hung uninstallers, live news to {@code listener}. */
    RemovalHandlers handlers(RemovalListener listener) {
        return new RemovalHandlers(RemovalOptions.defaults(), hang(), passwords(), listener);
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

    /** What a blocked item needs on the FX thread: its id, which protection, the passwords it takes. */
    interface BlockedView {
        void show(String id, Blockage why, List<String> properties);
    }

    static RemovalListener listener(Consumer<String> log, BiConsumer<String, Map.Entry<RemovalListener.Status, String>> status,
                                    BlockedView blocked) {
        return new RemovalListener() {
            @Override
            public void blocked(String id, Blockage why, List<String> properties) {
                Platform.runLater(() -> blocked.show(id, why, properties));
            }

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
}
