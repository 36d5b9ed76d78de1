package org.riddance.protection;

import java.util.ArrayList;
import java.util.List;

/** One product with the rules it failed, the live test's outcome, and the resulting pass or fail. */
public record ProductVerdict(AntivirusProduct product, List<Problem> problems, EicarOutcome eicar) {

    public ProductVerdict {
        problems = List.copyOf(problems);
    }

    /**
     * A detected EICAR file proves what could not be read; a missed one fails the product whatever it reports.
     */
    public Status status() {
        Status byRules = AntivirusRules.status(problems);
        if (eicar.result() == EicarOutcome.Result.NOT_DETECTED) {
            return Status.FAIL;
        }
        if (byRules == Status.UNVERIFIED && eicar.detected()) {
            return Status.PASS;
        }
        return byRules;
    }

    public boolean banned() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.BANNED);
    }

    /** Every problem, with the EICAR miss added when the live test failed. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        if (eicar.result() == EicarOutcome.Result.NOT_DETECTED) {
            all.add(new Problem(Problem.Kind.EICAR_MISSED, eicar.detail(), AntivirusRules.EICAR));
        }
        if (eicar.detected()) {
            all.removeIf(p -> p.kind() == Problem.Kind.UNVERIFIED);
        }
        return all;
    }

    /** What to do next, in the order the problems were found, without repeats. */
    public List<String> advice() {
        return allProblems().stream().map(Problem::advice).distinct().toList();
    }

    public ProductVerdict withEicar(EicarOutcome outcome) {
        return new ProductVerdict(product, problems, outcome);
    }
}
