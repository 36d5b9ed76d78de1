package org.riddance.ui.backup;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.backup.Sizes;
import org.riddance.platform.Drives;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;

/**
 * Where the archive goes: removable drives first, then the home folder, or any folder the technician picks.
 * Free space is shown against the size of what is ticked; drives are listed off the FX thread.
 */
final class DestinationPicker extends VBox {

    private final javafx.beans.property.ReadOnlyBooleanWrapper tooSmall = new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    private final ComboBox<Path> places = new ComboBox<>();
    private final ObjectProperty<Path> destination = new SimpleObjectProperty<>();
    private final Label space = new Label();
    private List<Drives.Drive> drives = List.of();
    private static final long READING = -2;
    private static final long UNREADABLE = -1;
    private long free = READING; // of the chosen place, as last read
    private long needed;

    DestinationPicker() {
        super(6);
        places.setId("backup-destination");
        places.setPromptText(Messages.get("backup.destination.prompt"));
        places.setMaxWidth(Double.MAX_VALUE);
        places.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : describe(path);
            }

            @Override
            public Path fromString(String text) {
                return null;
            }
        });
        places.valueProperty().addListener((obs, old, now) -> destination.set(now));
        destination.addListener((obs, old, now) -> readFreeSpace(now));
        HBox.setHgrow(places, Priority.ALWAYS);
        Button browse = new Button(Messages.get("backup.destination.browse"), new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setId("backup-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("backup.destination.browse"));
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                choose(folder.toPath());
            }
        });
        HBox row = new HBox(8, places, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        space.setId("backup-space");
        space.getStyleClass().add(Css.STEP_INTRO);
        Label label = new Label(Messages.get("backup.destination"));
        label.getStyleClass().add(Css.FIELD_LABEL);
        getChildren().addAll(label, row, space);
        loadDrives();
    }

    /** True while the chosen place is known to have less free space than the items need. */
    javafx.beans.property.ReadOnlyBooleanProperty tooSmallProperty() {
        return tooSmall.getReadOnlyProperty();
    }

    ObjectProperty<Path> destinationProperty() {
        return destination;
    }

    void choose(Path folder) {
        if (!places.getItems().contains(folder)) {
            places.getItems().add(0, folder);
        }
        places.setValue(folder);
    }

    /** Says whether the chosen place has room for {@code bytes}, from its free space as last read. */
    void showSpaceFor(long bytes) {
        needed = bytes;
        tooSmall.set(destination.get() != null && free != READING && free != UNREADABLE && free < bytes);
        if (destination.get() == null || free == READING) {
            space.setText("");
        } else if (free == UNREADABLE) {
            space.setText(Messages.get("backup.space.unknown"));
        } else {
            space.setText(Messages.get(free >= bytes ? "backup.space.enough" : "backup.space.short",
                    Sizes.human(free), Sizes.human(bytes)));
            space.getStyleClass().remove(Styles.DANGER);
            if (free < bytes) {
                space.getStyleClass().add(Styles.DANGER);
            }
        }
    }

    /** A slow or sleeping USB stick can take a while to answer, so its free space is read off the FX thread. */
    private void readFreeSpace(Path chosen) {
        free = READING;
        tooSmall.set(false);
        space.setText("");
        if (chosen == null) {
            return;
        }
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws java.io.IOException {
                return Files.getFileStore(chosen).getUsableSpace();
            }
        };
        task.setOnSucceeded(e -> {
            if (chosen.equals(destination.get())) {
                free = task.getValue();
                showSpaceFor(needed);
            }
        });
        task.setOnFailed(e -> {
            if (chosen.equals(destination.get())) {
                free = UNREADABLE;
                showSpaceFor(needed);
            }
        });
        Thread thread = new Thread(task, "free-space");
        thread.setDaemon(true);
        thread.start();
    }

    private void loadDrives() {
        Task<List<Drives.Drive>> task = new Task<>() {
            @Override
            protected List<Drives.Drive> call() {
                return Drives.destinations();
            }
        };
        task.setOnSucceeded(e -> {
            drives = task.getValue();
            Path keep = places.getValue();
            drives.stream().map(Drives.Drive::path).filter(p -> !places.getItems().contains(p))
                    .forEach(places.getItems()::add);
            if (keep == null) {
                drives.stream().filter(Drives.Drive::removable).findFirst().ifPresent(d -> places.setValue(d.path()));
            }
        });
        Thread thread = new Thread(task, "list-drives");
        thread.setDaemon(true);
        thread.start();
    }

    private String describe(Path path) {
        return drives.stream().filter(d -> d.path().equals(path)).findFirst()
                .map(d -> d.removable() ? Messages.get("backup.destination.removable", d.label(), path)
                        : Messages.get("backup.destination.home", path))
                .orElse(path.toString());
    }
}
