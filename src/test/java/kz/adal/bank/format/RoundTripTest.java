package kz.adal.bank.format;

import kz.adal.bank.Difficulty;
import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import kz.adal.bank.SampleBanks;
import static kz.adal.bank.format.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    private final QuestionImporter importer = new QuestionImporter();
    private final QuestionExporter exporter = new QuestionExporter();

    private List<QuestionDraft> roundTrip(List<QuestionDraft> questions, BankFormat format) {
        byte[] bytes = exporter.export(questions, format);
        ImportPreview preview = importer.parse(bytes, format, ImportOptions.defaults());
        assertTrue(preview.clean(), () -> format + " problems " + preview.problems() + "\n"
                + new String(bytes, StandardCharsets.UTF_8));
        return preview.questions().stream().map(q -> q.withLine(0)).toList();
    }

    /** Questions every format can carry: one correct answer, text with characters that need escaping. */
    private static List<QuestionDraft> singleCorrect() {
        List<QuestionDraft> qs = new ArrayList<>();
        qs.add(new QuestionDraft("Абайдың «Қара сөздері» неше сөзден тұрады?", List.of(
                new OptionDraft("45", true), new OptionDraft("40", false), new OptionDraft("50", false),
                new OptionDraft("38", false), new OptionDraft("Ешқайсысы", false)), Difficulty.EASY, "week-1", 0));
        qs.add(new QuestionDraft("Какой символ в GIFT означает «неверный ответ»: ~ или =? А {скобки}, #решётка и двоеточие: тоже?",
                List.of(new OptionDraft("~ (тильда)", true), new OptionDraft("= (равно)", false),
                        new OptionDraft("{ } фигурные скобки", false), new OptionDraft("# решётка", false),
                        new OptionDraft("::двойное двоеточие::", false)), Difficulty.MEDIUM, "неделя 3", 0));
        qs.add(new QuestionDraft("In XML, which is escaped: <tag>, & or \"quotes\"?\nSecond line with a backslash \\ and \\n literal.",
                List.of(new OptionDraft("<tag>", false), new OptionDraft("& ampersand", true),
                        new OptionDraft("\"quotes\" and 'apostrophes'", false), new OptionDraft("%50% looks like a weight", false),
                        new OptionDraft("]]> ends CDATA", false)), Difficulty.HARD, null, 0));
        qs.add(new QuestionDraft("[html] is not a marker here // nor a comment", List.of(
                new OptionDraft("a", false), new OptionDraft("b", false), new OptionDraft("c", false),
                new OptionDraft("d", false), new OptionDraft("%e", true)), Difficulty.EASY, "week-10", 0));
        qs.add(question("$CATEGORY: this is a stem, not a category", Difficulty.MEDIUM, "topic: with colon", 2));
        return qs;
    }

    @ParameterizedTest
    @EnumSource(BankFormat.class)
    void singleCorrectQuestionsSurviveEveryFormat(BankFormat format) {
        List<QuestionDraft> original = singleCorrect();

        assertEquals(original, roundTrip(original, format));
    }

    @ParameterizedTest
    @EnumSource(BankFormat.class)
    void generatedBanksInKazakhRussianAndEnglishSurvive(BankFormat format) {
        for (String language : List.of("kk", "ru", "en")) {
            List<QuestionDraft> bank = SampleBanks.generate(language, 120, 7).stream()
                    .filter(q -> format != BankFormat.AIKEN || q.correctCount() == 1)
                    .toList();

            assertEquals(bank, roundTrip(bank, format), language + " in " + format);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BankFormat.class, names = {"GIFT", "MOODLE_XML"})
    void multipleCorrectQuestionsSurviveGiftAndXml(BankFormat format) {
        List<QuestionDraft> original = List.of(
                question("Two correct: = ~ # { } : \\", Difficulty.HARD, "week-6", 0, 3),
                question("Three correct", Difficulty.MEDIUM, "week-6", 1, 2, 4),
                question("All five correct", Difficulty.EASY, null, 0, 1, 2, 3, 4));

        assertEquals(original, roundTrip(original, format));
    }

    @Test
    void giftMultipleResponseWeightsSumToOneHundred() {
        String gift = new String(exporter.export(List.of(question("Three correct", Difficulty.EASY, null, 0, 1, 2)),
                BankFormat.GIFT), StandardCharsets.UTF_8);

        assertTrue(gift.contains("~%33.33333%first option"), gift);
        assertTrue(gift.contains("~%-50%fourth option"), gift);
        assertTrue(gift.contains("// [tag:difficulty:easy]"), gift);
    }

    @Test
    void aikenRefusesSeveralCorrectAnswers() {
        var e = assertThrows(BankExportException.class, () -> exporter.export(
                List.of(question("ok", Difficulty.EASY, null, 0), question("two", Difficulty.EASY, null, 0, 1)),
                BankFormat.AIKEN));

        assertEquals("AIKEN_SINGLE_CORRECT_ONLY", e.code());
        assertEquals(1, e.questionIndex());
        assertTrue(e.getMessage().contains("GIFT or Moodle XML"));
    }

    @Test
    void aikenRefusesAStemLineThatReadsAsAnOption() {
        var e = assertThrows(BankExportException.class, () -> exporter.export(
                List.of(question("Which is right?\nA. this line would become an option", Difficulty.EASY, null, 0)),
                BankFormat.AIKEN));

        assertEquals("AIKEN_UNREPRESENTABLE_TEXT", e.code());
    }

    @Test
    void xmlRefusesControlCharacters() {
        var e = assertThrows(BankExportException.class, () -> exporter.export(
                List.of(question("bell \u0007 here", Difficulty.EASY, null, 0)), BankFormat.MOODLE_XML));

        assertEquals("XML_UNREPRESENTABLE_TEXT", e.code());
    }

    @Test
    void giftRefusesATopicThatCannotBeATag() {
        var e = assertThrows(BankExportException.class, () -> exporter.export(
                List.of(question("q", Difficulty.EASY, "week]1", 0)), BankFormat.GIFT));

        assertEquals("UNREPRESENTABLE_TOPIC", e.code());
    }

    @ParameterizedTest
    @EnumSource(BankFormat.class)
    void everyFormatRefusesEmptyOptions(BankFormat format) {
        QuestionDraft q = new QuestionDraft("stem", List.of(new OptionDraft("a", true), new OptionDraft(" ", false)),
                Difficulty.EASY, null, 0);

        assertEquals("EMPTY_TEXT", assertThrows(BankExportException.class,
                () -> exporter.export(List.of(q), format)).code());
    }
}
