package org.riddance.ui.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import org.riddance.backup.BackupPlan;
import org.riddance.backup.LicenceFact;
import org.riddance.backup.PlannedItem;
import org.riddance.backup.Sizes;
import org.riddance.ui.Messages;

/**
 * The plan as a tree: one branch per product, one checkbox per item with its size. Items that cannot be
 * backed up are shown, unticked and disabled, with the reason; files the account cannot read are listed under
 * their item so the technician can decide before starting.
 */
final class PlanTree extends TreeView<String> {

    private static final String NOTE = "plan-note";

    private final ObservableSet<String> chosen = FXCollections.observableSet();
    private final Map<String, PlannedItem> byKey = new LinkedHashMap<>();
    private final LongBinding chosenBytes = Bindings.createLongBinding(
            () -> chosen.stream().map(byKey::get).mapToLong(i -> Math.max(0, i.bytes())).sum(), chosen);

    PlanTree() {
        setId("backup-plan");
        setShowRoot(false);
        setCellFactory(tree -> new CheckBoxTreeCell<>() {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && !(getTreeItem() instanceof CheckBoxTreeItem<String>)) {
                    setGraphic(null); // a note (why an item is skipped, an unreadable file): nothing to tick
                    getStyleClass().add(NOTE);
                } else {
                    getStyleClass().remove(NOTE);
                }
            }
        });
        setPrefHeight(240);
        setMinHeight(160);
    }

    void show(BackupPlan plan) {
        chosen.clear();
        byKey.clear();
        CheckBoxTreeItem<String> root = new CheckBoxTreeItem<>("");
        Map<String, CheckBoxTreeItem<String>> products = new LinkedHashMap<>();
        for (PlannedItem item : plan.items()) {
            CheckBoxTreeItem<String> product = products.computeIfAbsent(item.productId(), id -> {
                CheckBoxTreeItem<String> branch = new CheckBoxTreeItem<>(item.product());
                branch.setExpanded(true);
                root.getChildren().add(branch);
                return branch;
            });
            if (!item.available()) {
                product.getChildren().add(new TreeItem<>(Messages.get("backup.item.unavailable", label(item), item.problem())));
                continue;
            }
            byKey.put(item.key(), item);
            CheckBoxTreeItem<String> leaf = new CheckBoxTreeItem<>(label(item) + "    " + size(item));
            leaf.selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    chosen.add(item.key());
                } else {
                    chosen.remove(item.key());
                }
            });
            item.unreadable().forEach(file -> leaf.getChildren().add(
                    new TreeItem<>(Messages.get("backup.item.unreadable", file))));
            leaf.setExpanded(true);
            product.getChildren().add(leaf);
            leaf.setSelected(true); // after it joined its product, so the product's box shows ticked too
        }
        for (LicenceFact licence : plan.licences()) {
            CheckBoxTreeItem<String> product = products.get(licence.product());
            if (product != null) {
                product.getChildren().add(new TreeItem<>(Messages.get("backup.item.licence",
                        licence.keyType().isEmpty() ? "?" : licence.keyType(),
                        licence.expiry().isEmpty() ? "?" : licence.expiry())));
            }
        }
        setRoot(root);
    }

    Set<String> chosenKeys() {
        return chosen.stream().collect(Collectors.toUnmodifiableSet());
    }

    ObservableSet<String> chosen() {
        return chosen;
    }

    LongBinding chosenBytes() {
        return chosenBytes;
    }

    /** A folder by its path; a vendor export by the program that makes it (its full command is in the log). */
    private static String label(PlannedItem item) {
        // the catalog's kinds have their words; what the platform adds names itself
        String what = Messages.has("backup.what." + item.what()) ? Messages.get("backup.what." + item.what()) : item.what();
        String source = item.source();
        int space = source.indexOf(' ');
        if (space > 0 && source.substring(space).contains(" -")) {
            String program = source.substring(0, space).replaceAll("^.*[/\\\\]", "");
            return Messages.get("backup.item.export", what, program);
        }
        return what + " \u2014 " + source;
    }

    private static String size(PlannedItem item) {
        return item.bytes() < 0 ? Messages.get("backup.item.sizeLater")
                : Messages.get("backup.item.size", Sizes.human(item.bytes()), item.files());
    }
}
