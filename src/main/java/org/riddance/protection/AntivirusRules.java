package org.riddance.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.riddance.catalog.Catalog;

/**
 * What a replacement antivirus must be: present, enabled, with real-time protection where the product has it,
 * definitions no older than the limit, and not itself banned. Each failure carries what to do about it.
 */
public final class AntivirusRules {

    public static final int DEFAULT_MAX_DEFINITIONS_AGE_DAYS = 7;

    public static final String INSTALL = "install an antivirus";
    public static final String TURN_ON = "turn the antivirus on";
    public static final String REAL_TIME = "turn on real-time protection";
    public static final String UPDATE = "update definitions";
    public static final String BANNED = "this product is itself banned: replace it";
    public static final String STALE = "remove this stale Security Center entry (reinstall and uninstall the product, "
            + "or use its vendor's removal tool)";
    public static final String CHECK_CONSOLE = "check it in the product's console, and run the EICAR test";
    public static final String EICAR = "the antivirus did not stop the EICAR test file: check its real-time protection "
            + "and exclusions, then test again";

    private final Catalog catalog;
    private final int maxDefinitionsAgeDays;

    public AntivirusRules(Catalog catalog, int maxDefinitionsAgeDays) {
        if (maxDefinitionsAgeDays < 0) {
            throw new IllegalArgumentException("The maximum definitions age cannot be negative");
        }
        this.catalog = catalog;
        this.maxDefinitionsAgeDays = maxDefinitionsAgeDays;
    }

    public int maxDefinitionsAgeDays() {
        return maxDefinitionsAgeDays;
    }

    public List<Problem> check(AntivirusProduct p, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (p.stale()) { // a stale entry protects nothing, banned or not; its other facts are meaningless
            problems.add(new Problem(Problem.Kind.STALE, "Windows Security Center lists " + p.name()
                    + " but the product is no longer installed", STALE));
            return problems;
        }
        if (banned(p)) {
            problems.add(new Problem(Problem.Kind.BANNED, p.name() + " is a banned product", BANNED));
        }
        switch (p.enabled()) {
            case OFF -> problems.add(new Problem(Problem.Kind.DISABLED, p.name() + " is not running or switched off", TURN_ON));
            case UNKNOWN -> problems.add(new Problem(Problem.Kind.UNVERIFIED, "whether " + p.name()
                    + " is running could not be read", CHECK_CONSOLE));
            default -> { }
        }
        switch (p.realTime()) {
            case OFF -> problems.add(new Problem(Problem.Kind.REAL_TIME_OFF, "real-time protection is off", REAL_TIME));
            case UNKNOWN -> problems.add(new Problem(Problem.Kind.UNVERIFIED, "real-time protection could not be read",
                    CHECK_CONSOLE));
            default -> { }
        }
        long age = p.definitionsAgeDays(now);
        if (age > maxDefinitionsAgeDays) {
            problems.add(new Problem(Problem.Kind.DEFINITIONS_OLD, "definitions are " + age + " days old (the limit is "
                    + maxDefinitionsAgeDays + ")", UPDATE));
        } else if (age < 0 && p.definitionsCurrent().isPresent() && !p.definitionsCurrent().get()) {
            problems.add(new Problem(Problem.Kind.DEFINITIONS_OLD, "the product reports its definitions out of date", UPDATE));
        } else if (age < 0 && p.definitionsCurrent().isEmpty()) {
            problems.add(new Problem(Problem.Kind.UNVERIFIED, "the definitions' age could not be read", CHECK_CONSOLE));
        }
        return problems;
    }

    /** The product's name or vendor matches a banned vendor's patterns (Kaspersky and its embedded engine). */
    boolean banned(AntivirusProduct p) {
        return catalog.vendorClaiming(p.vendor(), p.name()).isPresent();
    }

    static Status status(List<Problem> problems) {
        if (problems.stream().anyMatch(x -> x.kind().fails())) {
            return Status.FAIL;
        }
        return problems.isEmpty() ? Status.PASS : Status.UNVERIFIED;
    }
}
