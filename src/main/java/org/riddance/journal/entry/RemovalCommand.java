package org.riddance.journal.entry;

/** {@code removal.command}: One command of a removal ran: how it ended and the tail of what it said. */
public record RemovalCommand(String id, String command, int exit, String ending, double seconds, String output) implements JournalEntry {

    public static final String TYPE = "removal.command";

    public RemovalCommand {
        id = id == null ? "" : id;
        command = command == null ? "" : command;
        ending = ending == null ? "" : ending;
        output = output == null ? "" : output;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
