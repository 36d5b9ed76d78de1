package org.riddance.ui.shell;

import java.util.EnumMap;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.riddance.detect.ScanReport;
import org.riddance.session.SessionInfo;
import org.riddance.session.Step;

/**
 * The one state object every step reads and writes: who and for whom, where the wizard is, how far each
 * step got, and whether work is running (which locks navigation).
 */
public final class WizardState {

    private final StringProperty technicianName = new SimpleStringProperty("");
    private final StringProperty technicianId = new SimpleStringProperty("");
    private final StringProperty site = new SimpleStringProperty("");
    private final StringProperty ticket = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<Step> currentStep = new SimpleObjectProperty<>(Step.WELCOME);
    private final ObservableMap<Step, StepState> stepStates = FXCollections.observableMap(new EnumMap<>(Step.class));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Task<?>> runningTask = new SimpleObjectProperty<>();
    private final ObjectProperty<ScanReport> scanReport = new SimpleObjectProperty<>();

    public WizardState() {
        for (Step step : Step.values()) {
            stepStates.put(step, StepState.PENDING);
        }
    }

    public StringProperty technicianNameProperty() {
        return technicianName;
    }

    public StringProperty technicianIdProperty() {
        return technicianId;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public StringProperty ticketProperty() {
        return ticket;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public SessionInfo sessionInfo() {
        return new SessionInfo(technicianName.get(), technicianId.get(), site.get(), ticket.get(), notes.get());
    }

    public void load(SessionInfo info) {
        technicianName.set(info.technicianName());
        technicianId.set(info.technicianId());
        site.set(info.site());
        ticket.set(info.ticket());
        notes.set(info.notes());
    }

    /** The latest finished scan; the back-up and removal steps work from it. */
    public ObjectProperty<ScanReport> scanReportProperty() {
        return scanReport;
    }

    public ObjectProperty<Step> currentStepProperty() {
        return currentStep;
    }

    public Step currentStep() {
        return currentStep.get();
    }

    public ObservableMap<Step, StepState> stepStates() {
        return stepStates;
    }

    /** True from the moment a step's work starts until its thread has really finished, even after a cancel. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ObjectProperty<Task<?>> runningTaskProperty() {
        return runningTask;
    }

    /**
     * Runs a step's task off the FX thread. Navigation stays locked until the worker thread ends, not just
     * until the task says "cancelled", so a cancelled uninstaller is never left running behind the wizard.
     */
    public void run(Task<?> task) {
        if (busy.get()) {
            throw new IllegalStateException("A step's work is already running");
        }
        busy.set(true);
        runningTask.set(task);
        Thread worker = new Thread(() -> {
            try {
                task.run();
            } finally {
                Platform.runLater(() -> {
                    runningTask.set(null);
                    busy.set(false);
                });
            }
        }, "step-work");
        worker.setDaemon(true);
        worker.start();
    }

    public void cancelRunningWork() {
        Task<?> task = runningTask.get();
        if (task != null) {
            task.cancel();
        }
    }
}
