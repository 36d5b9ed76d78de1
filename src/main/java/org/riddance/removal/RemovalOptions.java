package org.riddance.removal;

import java.time.Duration;
import java.util.Optional;

/**
 * @param stepTimeout   overrides every step's own time limit (the CLI's {@code --timeout})
 * @param busyWait      first wait after MSI 1618 (another installation running); doubles on each retry
 * @param busyRetries   how often 1618 is retried before the item fails
 */
public record RemovalOptions(Optional<Duration> stepTimeout, Duration busyWait, int busyRetries) {

    public static RemovalOptions defaults() {
        return new RemovalOptions(Optional.empty(), Duration.ofSeconds(30), 3);
    }

    public RemovalOptions withStepTimeout(Duration timeout) {
        return new RemovalOptions(Optional.of(timeout), busyWait, busyRetries);
    }
}
