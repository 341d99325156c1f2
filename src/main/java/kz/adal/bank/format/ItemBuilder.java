package kz.adal.bank.format;

import kz.adal.bank.Difficulty;
import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One question being read by a format reader. Readers fill it in and report syntax problems;
 * {@link #finish} applies the rules every imported question must meet and either yields a draft
 * or reports why the item was skipped.
 */
final class ItemBuilder {
    static final int REQUIRED_OPTIONS = 5;

    final int line;
    final int number;
    String stem = "";
    final List<OptionDraft> options = new ArrayList<>();
    private Difficulty difficulty;
    private String topic;
    private final List<ImportProblem> problems = new ArrayList<>();
    private byte[] image;
    private String imageType;

    ItemBuilder(int line, int number) {
        this.line = line;
        this.number = number;
    }

    void problem(String code, String message) {
        problems.add(new ImportProblem(line, number, code, message));
    }

    /** The question's image (sniffed by the reader). */
    void image(byte[] bytes, String type) {
        this.image = bytes;
        this.imageType = type;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void difficultyWord(String word) {
        var parsed = Difficulty.fromWord(word);
        if (parsed.isEmpty()) {
            problem("INVALID_DIFFICULTY", "Difficulty '" + word.strip()
                    + "' is not one of easy, medium, hard.");
        } else if (difficulty != null && difficulty != parsed.get()) {
            problem("INVALID_DIFFICULTY", "The question is marked both " + difficulty.word()
                    + " and " + parsed.get().word() + ".");
        } else {
            difficulty = parsed.get();
        }
    }

    void topic(String value) {
        String t = value.strip();
        if (t.isEmpty()) {
            return;
        }
        if (topic != null && !topic.equals(t)) {
            problem("INVALID_TOPIC", "The question is marked with two topics: '" + topic + "' and '" + t + "'.");
        } else {
            topic = t;
        }
    }

    /**
     * Applies a Moodle tag: {@code difficulty:<level>}, {@code topic:<name>}, or a bare level word
     * ({@code easy}, {@code medium}, {@code hard}, also in Kazakh or Russian). Other tags are ignored.
     */
    void tag(String raw) {
        String tag = raw.strip();
        int colon = tag.indexOf(':');
        if (colon > 0) {
            String key = tag.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = tag.substring(colon + 1);
            if (key.equals("difficulty")) {
                difficultyWord(value);
                return;
            }
            if (key.equals("topic")) {
                topic(value);
                return;
            }
        }
        Difficulty.fromWord(tag).ifPresent(d -> difficultyWord(tag));
    }

    /**
     * Checks the rules for one question and returns it, or null when the item is skipped; every
     * problem found goes to {@code sink} so the preview lists it.
     */
    QuestionDraft finish(ImportOptions settings, String categoryTopic, List<ImportProblem> sink) {
        if (problems.isEmpty()) {
            checkContent(settings);
        }
        if (!problems.isEmpty()) {
            sink.addAll(problems);
            return null;
        }
        String effectiveTopic = topic != null ? topic
                : categoryTopic != null ? categoryTopic
                : settings.defaultTopic();
        Difficulty effectiveDifficulty = difficulty != null ? difficulty : settings.defaultDifficulty();
        return new QuestionDraft(stem, options, effectiveDifficulty, effectiveTopic, line, image, imageType);
    }

    private void checkContent(ImportOptions settings) {
        if (stem.isBlank()) {
            problem("EMPTY_STEM", "The question has no text.");
        }
        // 001 §7.6: every question has exactly 5 options, one or more of them correct.
        if (options.size() != REQUIRED_OPTIONS) {
            problem("OPTION_COUNT", about() + "has " + options.size()
                    + " options; every question needs exactly 5 (001 §7.6).");
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).text().isBlank()) {
                problem("EMPTY_OPTION", about() + "option " + (i + 1) + " is empty.");
            }
        }
        if (!options.isEmpty() && options.stream().noneMatch(OptionDraft::correct)) {
            problem("NO_CORRECT_ANSWER", about() + "no option is marked correct (001 §7.6).");
        }
        if (difficulty == null && settings.defaultDifficulty() == null) {
            problem("MISSING_DIFFICULTY", about() + "no difficulty is marked and the import has no"
                    + " default; mark it easy, medium or hard (001 §5.23.3).");
        }
    }

    private String about() {
        return stem.isBlank() ? "" : "'" + QuestionDraft.excerpt(stem) + "': ";
    }
}
