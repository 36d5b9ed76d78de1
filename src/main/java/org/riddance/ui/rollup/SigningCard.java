package org.riddance.ui.rollup;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.receipt.TechnicianKeystore;
import org.riddance.ui.Messages;
import org.riddance.ui.Wrapping;

/**
 * What signing the summary needs: the office (site) it is for, the technician's key and its passphrase (the demo's
 * own key in the demo, with nothing asked), and where the files go. Like the Receipt step's key card, the passphrase
 * stays in its field until used and is never written anywhere; unlike it, no key is created here: the summary is
 * signed with a key the technician already has (the Receipt step or {@code riddance keygen} makes one).
 */
final class SigningCard extends VBox {

    final TextField site = new TextField();
    final PasswordField passphrase = new PasswordField();
    final Label problem = new Label();
    final Button sign = new Button(Messages.get("rollup.sign.do"), new FontIcon(Material2AL.CREATE));
    final Button close = new Button(Messages.get("rollup.sign.cancel"));
    private final ObjectProperty<Path> keystore = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> destination = new SimpleObjectProperty<>();
    private final boolean demo;
    private final BooleanBinding ready;

    SigningCard(Path defaultKeystore, boolean demo, String defaultSite, Path defaultDestination) {
        super(6);
        this.demo = demo;
        setId("rollup-signing");
        getStyleClass().add("rollup-signing");
        keystore.set(defaultKeystore);
        destination.set(defaultDestination);
        Label title = new Label(Messages.get("rollup.sign.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);

        site.setId("rollup-site");
        site.setText(defaultSite);
        site.setPromptText(Messages.get("rollup.sign.site"));
        passphrase.setId("rollup-passphrase");
        passphrase.setPromptText(Messages.get("receipt.passphrase"));
        Label keyLine = new Label();
        keyLine.setId("rollup-key-line");
        keyLine.setWrapText(true);
        keyLine.textProperty().bind(Bindings.createStringBinding(() -> keyText(keystore.get()), keystore));
        Hyperlink chooseKey = new Hyperlink(Messages.get("rollup.sign.chooseKey"));
        chooseKey.setId("rollup-choose-key");
        chooseKey.setOnAction(e -> chooseKeystore());
        Label destinationLine = new Label();
        destinationLine.setId("rollup-destination");
        destinationLine.setWrapText(true);
        destinationLine.textProperty().bind(Bindings.createStringBinding(
                () -> Wrapping.atSeparators(Messages.get("rollup.sign.destination", destination.get())), destination));
        Hyperlink chooseDestination = new Hyperlink(Messages.get("rollup.sign.chooseDestination"));
        chooseDestination.setId("rollup-choose-destination");
        chooseDestination.setOnAction(e -> chooseDestination());

        problem.setId("rollup-sign-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        passphrase.textProperty().addListener((obs, was, now) -> problem.setText(""));

        sign.setId("rollup-sign");
        sign.getStyleClass().add(Styles.ACCENT);
        close.setId("rollup-sign-cancel");
        HBox.setHgrow(site, Priority.ALWAYS);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        HBox fields = new HBox(8, site);
        if (!demo) {
            fields.getChildren().add(passphrase);
            passphrase.visibleProperty().bind(keystore.isNotNull()
                    .and(Bindings.createBooleanBinding(() -> Files.isRegularFile(keystore.get()), keystore)));
            passphrase.managedProperty().bind(passphrase.visibleProperty());
        }
        fields.getChildren().addAll(sign, close);
        fields.setAlignment(Pos.CENTER_LEFT);
        FlowPane where = new FlowPane(4, 0, keyLine);
        if (!demo) {
            where.getChildren().add(chooseKey);
        }
        where.getChildren().addAll(destinationLine, chooseDestination);
        where.setAlignment(Pos.CENTER_LEFT);
        for (Label line : new Label[] {keyLine, destinationLine}) {
            line.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            line.maxWidthProperty().bind(widthProperty().subtract(160));
        }
        chooseKey.getStyleClass().add(Styles.TEXT_SMALL);
        chooseDestination.getStyleClass().add(Styles.TEXT_SMALL);
        getChildren().addAll(title, fields, where, problem);
        ready = demo ? Bindings.createBooleanBinding(() -> true)
                : passphrase.textProperty().isNotEmpty().and(passphrase.visibleProperty());
    }

    /** A key is there and, outside the demo, its passphrase was typed. */
    BooleanBinding ready() {
        return ready;
    }

    boolean demo() {
        return demo;
    }

    Path keystore() {
        return keystore.get();
    }

    Path destination() {
        return destination.get();
    }

    /** Hands the passphrase over once and clears the field. */
    char[] takePassphrase() {
        char[] value = passphrase.getText().toCharArray();
        passphrase.clear();
        return value;
    }

    private String keyText(Path file) {
        if (demo) {
            return Messages.get("rollup.sign.key.demo");
        }
        return Wrapping.atSeparators(Files.isRegularFile(file) ? Messages.get("rollup.sign.key", file)
                : Messages.get("rollup.sign.key.none", file.getParent()));
    }

    private void chooseKeystore() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("rollup.sign.chooseKey"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("rollup.sign.keyFiles"), "*.p12"));
        Path current = keystore.get().getParent();
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            keystore.set(chosen.toPath());
        }
    }

    private void chooseDestination() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("rollup.sign.chooseDestination"));
        File chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            destination.set(chosen.toPath());
        }
    }

    /** The keystore a technician's key lives in, in {@code folder}. */
    static Path keystoreIn(Path folder) {
        return folder.resolve(TechnicianKeystore.KEYSTORE);
    }
}
