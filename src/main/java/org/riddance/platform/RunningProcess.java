package org.riddance.platform;

/** A process as the OS lists it. {@code image} is the executable's path when the OS tells, else its name. */
public record RunningProcess(long pid, String name, String image) {
}
