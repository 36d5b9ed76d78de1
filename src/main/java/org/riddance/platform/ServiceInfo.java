package org.riddance.platform;

/** A service, daemon, unit or kernel driver as the OS lists it. */
public record ServiceInfo(String name, String displayName, State state, String startMode, String imagePath) {

    public enum State { RUNNING, STOPPED, UNKNOWN }
}
