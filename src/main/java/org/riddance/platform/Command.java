package org.riddance.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One program to run: an argv list (never a shell line), a time limit, and the values that must never be
 * shown. Build it from validated parts; what a registry or package database says is data, not a command.
 */
public final class Command {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;
    static final String MASK = "*****";

    private final List<String> argv;
    private final Duration timeout;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Set<String> secrets;
    private final int outputCap;
    private final LineRule lineRule;

    /** How the argv becomes the one command line a Windows program receives. */
    public enum LineRule {
        /** CommandLineToArgvW quoting, as the C runtime of almost every program splits it again. */
        ARGV,
        /** msiexec's own parsing: {@code NAME="value"} with doubled inner quotes ({@link MsiexecCommandLine}). */
        MSIEXEC
    }

    private Command(Builder b) {
        this.argv = List.copyOf(b.argv);
        this.timeout = b.timeout;
        this.environment = Map.copyOf(b.environment);
        this.workingDirectory = b.workingDirectory;
        this.secrets = Set.copyOf(b.secrets);
        this.outputCap = b.outputCap;
        this.lineRule = b.lineRule;
    }

    public static Builder of(String program, String... args) {
        return new Builder(program).args(args);
    }

    public static Builder of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("A command needs a program");
        }
        return new Builder(argv.get(0)).args(argv.subList(1, argv.size()));
    }

    public List<String> argv() {
        return argv;
    }

    public Duration timeout() {
        return timeout;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    public int outputCap() {
        return outputCap;
    }

    public LineRule lineRule() {
        return lineRule;
    }

    /** The exact line Windows hands the program; secrets in clear, so for starting it only, never for showing. */
    public String windowsCommandLine() {
        return lineRule == LineRule.MSIEXEC ? MsiexecCommandLine.join(argv) : WindowsCommandLine.join(argv);
    }

    /** The same command with another time limit: a hung uninstaller the technician chose to wait for. */
    public Command withTimeout(Duration other) {
        Builder b = new Builder(argv.get(0)).args(argv.subList(1, argv.size())).timeout(other).outputCap(outputCap)
                .lineRule(lineRule);
        environment.forEach(b::env);
        secrets.forEach(b::secret);
        b.workingDirectory(workingDirectory);
        return b.build();
    }

    /** Hides every secret inside {@code text}: for logs, the journal and what the technician is shown. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** The argv as a technician would read it, secrets masked; for display only, never executed. */
    public String describe() {
        List<String> shown = new ArrayList<>(argv.size());
        for (String arg : argv) {
            String masked = mask(arg);
            shown.add(masked.isEmpty() || masked.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'')
                    ? '"' + masked.replace("\"", "\\\"") + '"'
                    : masked);
        }
        return String.join(" ", shown);
    }

    @Override
    public String toString() {
        return describe();
    }

    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private final Set<String> secrets = new LinkedHashSet<>();
        private int outputCap = DEFAULT_OUTPUT_CAP;
        private LineRule lineRule = LineRule.ARGV;

        private Builder(String program) {
            arg(program);
            if (program.isBlank()) {
                throw new IllegalArgumentException("A command needs a program");
            }
        }

        public Builder arg(String arg) {
            Objects.requireNonNull(arg, "argument");
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("An argument may not contain a NUL character");
            }
            argv.add(arg);
            return this;
        }

        public Builder args(String... args) {
            for (String a : args) {
                arg(a);
            }
            return this;
        }

        public Builder args(List<String> args) {
            args.forEach(this::arg);
            return this;
        }

        /** An argument whose value must never be logged or shown, such as an uninstall password. */
        public Builder secretArg(String arg, String secretPart) {
            secret(secretPart);
            return arg(arg);
        }

        public Builder secret(String value) {
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("A timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        public Builder outputCap(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("An output cap below 1 KiB hides too much");
            }
            this.outputCap = bytes;
            return this;
        }

        public Builder lineRule(LineRule rule) {
            this.lineRule = java.util.Objects.requireNonNull(rule);
            return this;
        }

        public Command build() {
            if (lineRule == LineRule.MSIEXEC) {
                MsiexecCommandLine.join(argv); // refuses a quote outside a property value now, not at start
            }
            return new Command(this);
        }
    }
}
