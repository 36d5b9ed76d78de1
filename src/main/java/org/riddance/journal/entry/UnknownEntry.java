package org.riddance.journal.entry;

/** A record whose type this build does not know (written by a newer Riddance): kept in the chain, otherwise ignored. */
public record UnknownEntry(String type) implements JournalEntry {
}
