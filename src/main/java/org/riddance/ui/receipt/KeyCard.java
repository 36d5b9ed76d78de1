package org.riddance.ui.receipt;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.riddance.receipt.SigningKey;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.ui.Messages;

/**
 * The technician's key: create it on first use (passphrase twice, then "Create key", which only creates it), unlock
 * it afterwards. In the demo, the demo's own key signs and nothing is asked. The passphrase stays in the field until
 * used and is never written anywhere.
 */
final class KeyCard extends VBox {

    final PasswordField passphrase = new PasswordField();
    final PasswordField again = new PasswordField();
    final Label problem = new Label();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<SigningKey> created = new SimpleObjectProperty<>();
    private final BooleanBinding ready;
    private final BooleanBinding canSign;

    KeyCard(Path keysFolder, boolean demo) {
        super(8);
        setId("key-card");
        getStyleClass().add("key-card");
        creating.set(!demo && !Files.exists(keysFolder.resolve(TechnicianKeystore.KEYSTORE)));
        Label title = new Label(Messages.get(demo ? "receipt.key.demo.title"
                : creating.get() ? "receipt.key.create.title" : "receipt.key.unlock.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label body = new Label(demo ? Messages.get("receipt.key.demo.body") : creating.get()
                ? Messages.get("receipt.key.create.body")
                : Messages.get("receipt.key.unlock.body", keysFolder.resolve(TechnicianKeystore.KEYSTORE)));
        body.setWrapText(true);
        passphrase.setId("passphrase");
        passphrase.setPromptText(Messages.get("receipt.passphrase"));
        again.setId("passphrase-again");
        again.setPromptText(Messages.get("receipt.passphrase.again"));
        problem.setId("key-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(title, body);
        if (demo) {
            ready = Bindings.createBooleanBinding(() -> true);
            canSign = ready;
            return;
        }
        getChildren().add(passphrase);
        if (creating.get()) {
            getChildren().add(again);
            ready = Bindings.createBooleanBinding(() -> passphrase.getText().length() >= 8
                    && passphrase.getText().equals(again.getText()), passphrase.textProperty(), again.textProperty());
            again.textProperty().addListener((obs, was, now) -> problem.setText(
                    !now.isEmpty() && !now.equals(passphrase.getText()) ? Messages.get("receipt.passphrase.mismatch") : ""));
            canSign = created.isNotNull();
        } else {
            ready = passphrase.textProperty().isNotEmpty();
            canSign = ready;
        }
        getChildren().add(problem);
        created.addListener((obs, old, key) -> {
            creating.set(false);
            problem.setText("");
            Label done = new Label(Messages.get("receipt.key.created", ReceiptStep.grouped(key.fingerprint())));
            done.setId("key-created");
            done.setWrapText(true);
            getChildren().setAll(title, done);
        });
    }

    /** True until the first key has been created here. */
    ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** The passphrase fields say enough to create or unlock the key. */
    BooleanBinding ready() {
        return ready;
    }

    BooleanBinding canSign() {
        return canSign;
    }

    void created(SigningKey key) {
        created.set(key);
    }

    /** The key created here, held until signing; empty when the key is unlocked with its passphrase instead. */
    Optional<SigningKey> createdKey() {
        return Optional.ofNullable(created.get());
    }

    /** Hands the passphrase over once and clears the fields. */
    char[] takePassphrase() {
        char[] value = passphrase.getText().toCharArray();
        passphrase.clear();
        again.clear();
        return value;
    }
}
