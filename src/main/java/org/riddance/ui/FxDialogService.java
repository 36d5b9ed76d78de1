package org.riddance.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/** The real dialogs, owned by the wizard window; a short toast for confirmations that need no answer. */
public final class FxDialogService implements DialogService {

    private final StackPane toastLayer;

    /** @param toastLayer the window's top layer; dialogs are owned by the window it sits in */
    public FxDialogService(StackPane toastLayer) {
        this.toastLayer = toastLayer;
    }

    private Window owner() {
        return toastLayer.getScene() == null ? null : toastLayer.getScene().getWindow();
    }

    @Override
    public boolean confirm(String title, String message) {
        ButtonType yes = new ButtonType(Messages.get("confirm.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(Messages.get("confirm.no"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public boolean confirm(String title, String message, String doIt, String keepSafe) {
        ButtonType act = new ButtonType(doIt, ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(keepSafe, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, act, keep);
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.Button safe = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep);
        javafx.scene.control.Button risky = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(act);
        risky.setDefaultButton(false);
        safe.setDefaultButton(true);
        alert.setOnShown(e -> safe.requestFocus());
        return alert.showAndWait().filter(act::equals).isPresent();
    }

    @Override
    public void showError(String title, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        ButtonType copy = new ButtonType(Messages.get("error.copy"), ButtonBar.ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", copy, ButtonType.CLOSE);
        alert.initOwner(owner());
        alert.setTitle(Messages.get("error.title"));
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(new VBox(8, new Label(String.valueOf(error.getMessage())), details));
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(title + "\n" + trace);
            Clipboard.getSystemClipboard().setContent(content);
            e.consume(); // keep the dialog open
        });
        alert.showAndWait();
    }

    @Override
    public void show(String title, javafx.scene.Node content) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", new ButtonType(Messages.get("citations.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(640);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public int choose(String title, String message, java.util.List<String> options) {
        java.util.List<ButtonType> buttons = options.stream()
                .map(o -> new ButtonType(o, ButtonBar.ButtonData.OTHER)).toList();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    @Override
    public java.util.Optional<Credentials> askPassword(String title, String message, java.util.Optional<String> account) {
        javafx.scene.control.Dialog<Credentials> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        javafx.scene.control.TextField accountField = new javafx.scene.control.TextField(account.orElse(""));
        accountField.setId("password-account");
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("password-field");
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        VBox content = new VBox(8, text);
        if (account.isPresent()) {
            content.getChildren().addAll(new Label(Messages.get("password.account")), accountField);
        }
        content.getChildren().addAll(new Label(Messages.get("password.password")), password);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(Messages.get("password.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(password.textProperty().isEmpty());
        dialog.setOnShown(e -> password.requestFocus());
        dialog.setResultConverter(b -> b == ok ? new Credentials(account.isPresent() ? accountField.getText().strip() : "",
                password.getText()) : null);
        java.util.Optional<Credentials> answer = dialog.showAndWait();
        password.clear(); // the dialog's field does not keep it
        return answer;
    }

    @Override
    public void notify(String message) {
        Label toast = new Label(message);
        toast.getStyleClass().add(Css.TOAST);
        StackPane.setAlignment(toast, javafx.geometry.Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new javafx.geometry.Insets(0, 0, 72, 0));
        toastLayer.getChildren().add(toast);
        PauseTransition pause = new PauseTransition(Duration.seconds(3));
        pause.setOnFinished(e -> toastLayer.getChildren().remove(toast));
        pause.play();
    }
}
