package kz.adal.bank;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * A question before it is stored in a bank: stem, options in order, difficulty and topic.
 *
 * @param difficulty may be null only for drafts not produced by the importer (the validator reports it)
 * @param topic      topic or week tag such as {@code week-3}; null when none
 * @param line       1-based source line where the item starts, 0 if not from a file
 * @param image      the question's image when an import brought one (sniffed), else null; {@code imageType} names it
 */
public record QuestionDraft(String stem, List<OptionDraft> options, Difficulty difficulty, String topic, int line,
                            @JsonIgnore byte[] image, String imageType) {
    public QuestionDraft {
        Objects.requireNonNull(stem, "stem");
        options = List.copyOf(options);
    }

    public QuestionDraft(String stem, List<OptionDraft> options, Difficulty difficulty, String topic, int line) {
        this(stem, options, difficulty, topic, line, null, null);
    }

    /** The same question at another source line (0 to compare content only). */
    public QuestionDraft withLine(int newLine) {
        return new QuestionDraft(stem, options, difficulty, topic, newLine, image, imageType);
    }

    public long correctCount() {
        return options.stream().filter(OptionDraft::correct).count();
    }

    /** A text on one line, cut to 60 characters: how import problems and validation issues quote a stem or option. */
    public static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
