package org.riddance.journal.entry;

/**
 * One kind of journal record, typed. Each kind is a small record class with its {@code TYPE}; {@link JournalEntries}
 * is the one place that turns them into journal lines and back, so no package passes loose maps to another.
 */
public sealed interface JournalEntry permits SessionStarted, SessionDetails, SessionResumed, StepEntered, StepCompleted, StepAttention, SessionClosed, JournalRepaired, ScanCompleted, BackupStarted, BackupVerified, BackupFailed, BackupWaived, RemovalPlanned, RemovalStarted, RemovalCommand, RemovalUninstalled, RemovalOutcome, RebootPending, RemovalResumed, RemovalRescan, RemovalCompleted, RemovalKept, FiltersBackedUp, KavremoverRan, AntivirusChecked, ReceiptSigned, UnknownEntry {

    /** The record's type as the journal line names it, e.g. {@code scan.completed}. */
    String type();
}
