package org.riddance.journal.entry;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns typed journal entries into the data of a journal line and back. Reading is lenient about fields a kind
 * does not know (a newer Riddance's journal) and fills absent ones with empty values (an older one's).
 */
public final class JournalEntries {

    private static final List<Class<? extends JournalEntry>> KINDS = List.of(
            SessionStarted.class,
            SessionDetails.class,
            SessionResumed.class,
            StepEntered.class,
            StepCompleted.class,
            StepAttention.class,
            SessionClosed.class,
            JournalRepaired.class,
            ScanCompleted.class,
            BackupStarted.class,
            BackupVerified.class,
            BackupFailed.class,
            BackupWaived.class,
            RemovalPlanned.class,
            RemovalStarted.class,
            RemovalCommand.class,
            RemovalUninstalled.class,
            RemovalOutcome.class,
            RebootPending.class,
            RemovalResumed.class,
            RemovalRescan.class,
            RemovalCompleted.class,
            RemovalKept.class,
            FiltersBackedUp.class,
            KavremoverRan.class,
            AntivirusChecked.class,
            ReceiptSigned.class
    );
    private static final Map<String, Class<? extends JournalEntry>> BY_TYPE = byType();

    private JournalEntries() {
    }

    /** The fields of {@code entry} in declaration order, as the journal line carries them. */
    public static Map<String, Object> data(JournalEntry entry) {
        return EntryFields.of((Record) entry);
    }

    /** The typed entry for a line's type and data; {@link UnknownEntry} for a type this build does not know. */
    public static JournalEntry read(String type, Map<String, Object> data) {
        Class<? extends JournalEntry> kind = BY_TYPE.get(type);
        if (kind == null) {
            return new UnknownEntry(type);
        }
        try {
            return EntryFields.read(kind, data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " record cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Class<? extends JournalEntry>> byType() {
        Map<String, Class<? extends JournalEntry>> map = new LinkedHashMap<>();
        for (Class<? extends JournalEntry> kind : KINDS) {
            try {
                Field type = kind.getField("TYPE");
                map.put((String) type.get(null), kind);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(kind + " has no TYPE", e);
            }
        }
        return Map.copyOf(map);
    }
}
