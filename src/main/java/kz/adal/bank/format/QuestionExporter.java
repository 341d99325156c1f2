package kz.adal.bank.format;

import kz.adal.bank.QuestionDraft;
import java.util.List;
import java.util.Objects;

/**
 * Writes questions in one of the bank formats, UTF-8, such that importing the result gives the
 * same stems, options in order, correctness, difficulty and topic (texts are trimmed). A question
 * a format cannot carry is refused with a {@link BankExportException} rather than changed.
 */
public final class QuestionExporter {

    public byte[] export(List<QuestionDraft> questions, BankFormat format) {
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case AIKEN -> AikenFormat.write(questions);
            case GIFT -> GiftFormat.write(questions);
            case MOODLE_XML -> MoodleXmlFormat.write(questions);
        };
    }

    /** Rules every format shares: some stem, some options, no empty text (it could not be read back). */
    static void requireText(QuestionDraft question, int index) {
        if (question.stem().isBlank()) {
            throw new BankExportException("EMPTY_TEXT", index, "the stem is empty.");
        }
        if (question.options().isEmpty()) {
            throw new BankExportException("EMPTY_TEXT", index, "the question has no options.");
        }
        for (int o = 0; o < question.options().size(); o++) {
            if (question.options().get(o).text().isBlank()) {
                throw new BankExportException("EMPTY_TEXT", index, "option " + (o + 1) + " is empty.");
            }
        }
        if (question.topic() != null && question.topic().isBlank()) {
            throw new BankExportException("UNREPRESENTABLE_TOPIC", index, "the topic is blank; use null for none.");
        }
    }
}
