package kz.adal.bank;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The validator's verdict: every issue found and the number of questions per difficulty. */
public record BankValidationReport(List<ValidationIssue> issues, Map<Difficulty, Integer> counts) {
    public BankValidationReport {
        issues = List.copyOf(issues);
        EnumMap<Difficulty, Integer> all = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) {
            all.put(d, counts.getOrDefault(d, 0));
        }
        counts = Collections.unmodifiableMap(all);
    }

    public boolean passes() {
        return issues.isEmpty();
    }

    public List<ValidationIssue> issuesWithCode(String code) {
        return issues.stream().filter(i -> i.code().equals(code)).toList();
    }
}
