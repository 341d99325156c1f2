package kz.adal.bank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a whole bank against 001 §7.6 (at least {@code minQuestions} questions, exactly 5 options,
 * one or more correct) and 001 §5.23.3 (easy/medium/hard 40/40/20 within a tolerance), plus the
 * hygiene an expert would otherwise catch: empty texts, repeated options, repeated stems. One issue
 * per problem, each with a stable code; see docs/bank-formats.md for the list.
 */
public final class BankValidator {
    public static final int REQUIRED_OPTIONS = 5;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final int minQuestions;
    private final double mixTolerancePoints;

    public BankValidator(int minQuestions, double mixTolerancePoints) {
        if (minQuestions < 0) {
            throw new IllegalArgumentException("minQuestions must not be negative, was " + minQuestions);
        }
        if (!(mixTolerancePoints >= 0 && mixTolerancePoints <= 100)) {
            throw new IllegalArgumentException("mixTolerancePoints must be within 0..100, was " + mixTolerancePoints);
        }
        this.minQuestions = minQuestions;
        this.mixTolerancePoints = mixTolerancePoints;
    }

    /** 100 questions (001 §7.6) and the 40/40/20 mix within ±5 percentage points (001 §5.23.3). */
    public static BankValidator standard() {
        return new BankValidator(100, 5.0);
    }

    public BankValidationReport validate(List<QuestionDraft> questions) {
        List<ValidationIssue> issues = new ArrayList<>();
        Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
        Map<String, Integer> firstWithStem = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionDraft q = questions.get(i);
            checkQuestion(q, i, issues);
            if (q.difficulty() == null) {
                issues.add(new ValidationIssue("MISSING_DIFFICULTY", label(i, q)
                        + " has no difficulty; mark it easy, medium or hard (001 §5.23.3).", i));
            } else {
                counts.merge(q.difficulty(), 1, Integer::sum);
            }
            String key = normalise(q.stem());
            if (!key.isEmpty()) {
                Integer first = firstWithStem.putIfAbsent(key, i);
                if (first != null) {
                    issues.add(new ValidationIssue("DUPLICATE_STEM", label(i, q) + " repeats the stem of question "
                            + (first + 1) + ".", i));
                }
            }
        }
        // 001 §7.6: at least 100 questions for each intermediate control and attestation.
        if (questions.size() < minQuestions) {
            issues.add(new ValidationIssue("TOO_FEW_QUESTIONS", "The bank has " + questions.size()
                    + " questions; at least " + minQuestions + " are required (001 §7.6).", null));
        }
        checkMix(questions.size(), counts, issues);
        return new BankValidationReport(issues, counts);
    }

    private static void checkQuestion(QuestionDraft q, int i, List<ValidationIssue> issues) {
        if (q.stem().isBlank()) {
            issues.add(new ValidationIssue("EMPTY_STEM", label(i, q) + " has no text.", i));
        }
        if (q.options().size() != REQUIRED_OPTIONS) {
            issues.add(new ValidationIssue("OPTION_COUNT", label(i, q) + " has " + q.options().size()
                    + " options; exactly 5 are required (001 §7.6).", i));
        }
        if (q.options().stream().noneMatch(OptionDraft::correct)) {
            issues.add(new ValidationIssue("NO_CORRECT_ANSWER", label(i, q)
                    + " has no correct option; at least one is required (001 §7.6).", i));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int o = 0; o < q.options().size(); o++) {
            String key = normalise(q.options().get(o).text());
            if (key.isEmpty()) {
                issues.add(new ValidationIssue("EMPTY_OPTION", label(i, q) + ": option " + letter(o) + " is empty.", i));
                continue;
            }
            Integer first = seen.putIfAbsent(key, o);
            if (first != null) {
                issues.add(new ValidationIssue("DUPLICATE_OPTION", label(i, q) + ": options " + letter(first)
                        + " and " + letter(o) + " are the same ('" + QuestionDraft.excerpt(q.options().get(o).text())
                        + "').", i));
            }
        }
    }

    // 001 §5.23.3: easy 40 %, medium 40 %, hard 20 % of the bank.
    private void checkMix(int total, Map<Difficulty, Integer> counts, List<ValidationIssue> issues) {
        if (total == 0) {
            return; // TOO_FEW_QUESTIONS already says it; percentages of nothing mean nothing
        }
        StringBuilder actual = new StringBuilder();
        List<String> off = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            int n = counts.getOrDefault(d, 0);
            double percent = 100.0 * n / total;
            if (!actual.isEmpty()) {
                actual.append(", ");
            }
            actual.append(d.word()).append(' ').append(n).append(" (").append(format(percent)).append("%)");
            double deviation = percent - d.targetPercent();
            if (Math.abs(deviation) > mixTolerancePoints + 1e-9) {
                off.add(d.word() + " " + (deviation > 0 ? "+" : "") + format(deviation) + " points");
            }
        }
        if (!off.isEmpty()) {
            issues.add(new ValidationIssue("DIFFICULTY_MIX", "The difficulty mix is " + actual + " of " + total
                    + "; 001 §5.23.3 requires easy 40%, medium 40%, hard 20% within ±" + format(mixTolerancePoints)
                    + " points (off: " + String.join(", ", off) + ").", null));
        }
    }

    /** Trimmed, case-folded, whitespace-collapsed, NFC: how two texts are compared for duplicates. */
    static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String label(int index, QuestionDraft q) {
        String where = q.line() > 0 ? " (line " + q.line() + ")" : "";
        return "Question " + (index + 1) + where;
    }

    private static String letter(int option) {
        return String.valueOf((char) ('A' + option));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
