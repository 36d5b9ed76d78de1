package org.riddance.ui.receipt;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.ui.Messages;

/**
 * The technician's key: create it on first use (passphrase twice), unlock it afterwards. The passphrase stays in
 * the field until used and is never written anywhere.
 */
final class KeyCard extends VBox {

    final PasswordField passphrase = new PasswordField();
    final PasswordField again = new PasswordField();
    final Label problem = new Label();
    private final boolean creating;
    private final BooleanBinding ready;

    KeyCard(Path keysFolder) {
        super(8);
        getStyleClass().add("key-card");
        creating = !Files.exists(keysFolder.resolve(TechnicianKeystore.KEYSTORE));
        Label title = new Label(Messages.get(creating ? "receipt.key.create.title" : "receipt.key.unlock.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label body = new Label(creating ? Messages.get("receipt.key.create.body")
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
        getChildren().addAll(title, body, passphrase);
        if (creating) {
            getChildren().add(again);
            ready = Bindings.createBooleanBinding(() -> passphrase.getText().length() >= 8
                    && passphrase.getText().equals(again.getText()), passphrase.textProperty(), again.textProperty());
            again.textProperty().addListener((obs, was, now) -> problem.setText(
                    !now.isEmpty() && !now.equals(passphrase.getText()) ? Messages.get("receipt.passphrase.mismatch") : ""));
        } else {
            ready = passphrase.textProperty().isNotEmpty();
        }
        getChildren().add(problem);
    }

    boolean creating() {
        return creating;
    }

    BooleanBinding ready() {
        return ready;
    }

    /** Hands the passphrase over once and clears the fields. */
    char[] takePassphrase() {
        char[] value = passphrase.getText().toCharArray();
        passphrase.clear();
        again.clear();
        return value;
    }
}
