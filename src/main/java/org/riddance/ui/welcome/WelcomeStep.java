package org.riddance.ui.welcome;

import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.riddance.platform.OsFacts;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;
import org.riddance.ui.Css;
import org.riddance.ui.Messages;
import org.riddance.ui.shell.WizardState;
import org.riddance.ui.shell.WizardStep;

/**
 * Who is doing the work and for whom. The rules are {@link SessionInfo}'s, the same the command line
 * applies; ControlsFX marks the fields and Next stays disabled until they hold.
 */
public final class WelcomeStep extends WizardStep {

    private static final double FORM_WIDTH = 560;
    private static final double PLAN_WIDTH = 300;

    private final WizardState state;
    private final OsFacts machine;
    private final BooleanBinding complete;
    private TextField nameField;

    public WelcomeStep(WizardState state, OsFacts machine) {
        super(Step.WELCOME, Material2AL.ASSIGNMENT_IND);
        this.state = state;
        this.machine = machine;
        this.complete = Bindings.createBooleanBinding(() -> state.sessionInfo().isComplete(),
                state.technicianNameProperty(), state.technicianIdProperty(), state.siteProperty(),
                state.ticketProperty(), state.notesProperty());
    }

    @Override
    public ObservableBooleanValue canContinue() {
        return complete;
    }

    @Override
    public void entered() {
        if (nameField != null) {
            nameField.requestFocus();
        }
    }

    @Override
    protected Node createView() {
        Label heading = heading("welcome.heading");
        Label intro = intro("welcome.intro");

        ValidationSupport validation = new ValidationSupport();
        GridPane form = new GridPane();
        form.getStyleClass().add(Css.WELCOME_FORM);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels never shrink to "..."
        javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, inputs);
        nameField = field("technicianName", state.technicianNameProperty());
        addRow(form, 0, "welcome.technicianName", true, nameField, validation, SessionInfo::problemWithTechnicianName);
        addRow(form, 1, "welcome.technicianId", false, field("technicianId", state.technicianIdProperty()),
                validation, SessionInfo::problemWithTechnicianId);
        addRow(form, 2, "welcome.site", true, field("site", state.siteProperty()), validation,
                SessionInfo::problemWithSite);
        addRow(form, 3, "welcome.ticket", false, field("ticket", state.ticketProperty()), validation,
                SessionInfo::problemWithTicket);
        TextArea notes = org.riddance.ui.Keyboard.tabLeaves(new TextArea());
        notes.setId("notes");
        notes.setPromptText(Messages.get("welcome.notes.prompt"));
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(state.notesProperty());
        addRow(form, 4, "welcome.notes", false, notes, validation, SessionInfo::problemWithNotes);

        Label machineLine = new Label(Messages.get("welcome.machine", machine.hostname(), machine.summary()));
        machineLine.getStyleClass().add(Css.MACHINE_LINE);

        machineLine.setWrapText(true);
        machineLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        // side by side where there is room; in a small window the plan goes below the form, which keeps its width
        VBox left = new VBox(16, heading, intro, form, machineLine);
        Node plan = planCard();
        javafx.scene.layout.FlowPane page = new javafx.scene.layout.FlowPane(32, 24, left, plan);
        page.setAlignment(Pos.TOP_LEFT);
        page.setRowValignment(javafx.geometry.VPos.TOP);
        left.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> page.getWidth() >= FORM_WIDTH + 32 + PLAN_WIDTH || page.getWidth() <= 0
                        ? FORM_WIDTH : Math.min(FORM_WIDTH, page.getWidth()), page.widthProperty()));
        page.prefWrapLengthProperty().bind(page.widthProperty());
        return page;
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(Messages.get("welcome." + id + ".prompt"));
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static void addRow(GridPane form, int row, String labelKey, boolean required, TextInputControl input,
                               ValidationSupport validation, Function<String, Optional<String>> rule) {
        Label label = new Label(Messages.get(labelKey) + (required ? " *" : ""));
        label.getStyleClass().add(Css.FIELD_LABEL);
        label.setLabelFor(input);
        label.setMnemonicParsing(false);
        Label hint = new Label();
        hint.getStyleClass().addAll("field-hint", atlantafx.base.theme.Styles.DANGER);
        hint.setId(input.getId() + "-hint");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.visibleProperty());
        // a hint only once the technician has typed there, not shouting at an empty new form
        hint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> input.getProperties().containsKey("edited") && !hint.getText().isEmpty(), hint.textProperty()));
        input.textProperty().addListener((obs, was, now) -> {
            input.getProperties().put("edited", Boolean.TRUE);
            hint.setText(rule.apply(now).map(Messages::get).orElse(""));
        });
        // the marks come a frame after the form: Next's state does not depend on them, start-up time does.
        // Not "required" for ControlsFX: its required mark never goes away; the label's * says it, and a red mark
        // shows only while a field the technician has typed in is wrong.
        Platform.runLater(() -> validation.registerValidator(input, false, (Control c, String value) -> {
            Optional<String> problem = rule.apply(value).filter(p -> c.getProperties().containsKey("edited"));
            return ValidationResult.fromMessageIf(c, problem.map(Messages::get).orElse(""), Severity.ERROR,
                    problem.isPresent());
        }));
        input.setAccessibleHelp(Messages.get(labelKey + ".prompt"));
        GridPane.setHgrow(input, Priority.ALWAYS);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        form.add(label, 0, row);
        form.add(new VBox(4, input, hint), 1, row);
    }

    private static Node planCard() {
        Label title = new Label(Messages.get("welcome.plan.heading"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
        VBox card = new VBox(title);
        card.getStyleClass().add(Css.PLAN_CARD);
        card.setMinWidth(PLAN_WIDTH);
        card.setPrefWidth(PLAN_WIDTH);
        card.setMaxWidth(PLAN_WIDTH);
        Step[] planned = {Step.DETECT, Step.BACKUP, Step.REMOVE, Step.REPLACEMENT, Step.RECEIPT};
        org.kordamp.ikonli.Ikon[] icons = {org.kordamp.ikonli.material2.Material2MZ.SEARCH, Material2AL.ARCHIVE,
            Material2AL.DELETE_SWEEP, org.kordamp.ikonli.material2.Material2MZ.SECURITY,
            org.kordamp.ikonli.material2.Material2MZ.RECEIPT};
        for (int i = 0; i < planned.length; i++) {
            FontIcon icon = new FontIcon(icons[i]);
            icon.getStyleClass().add(Css.PLAN_ICON);
            Label name = new Label(Messages.get("step." + planned[i].id() + ".title"));
            name.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
            Label what = new Label(Messages.get("welcome.plan." + planned[i].id()));
            what.setWrapText(true);
            what.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            HBox row = new HBox(10, icon, new VBox(2, name, what));
            card.getChildren().add(row);
        }
        return card;
    }
}
