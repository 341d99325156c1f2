package kz.adal.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SampleBanksTest {

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void generatesAValidBankInEachLanguage(String language) {
        List<QuestionDraft> bank = SampleBanks.generate(language, 120, 42);

        BankValidationReport report = BankValidator.standard().validate(bank);
        assertTrue(report.passes(), report.issues().toString());
        assertEquals(48, report.counts().get(Difficulty.EASY));
        assertEquals(48, report.counts().get(Difficulty.MEDIUM));
        assertEquals(24, report.counts().get(Difficulty.HARD));
        Set<String> topics = bank.stream().map(QuestionDraft::topic).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(i -> "week-" + i).collect(Collectors.toCollection(TreeSet::new)),
                topics);
        assertTrue(bank.stream().anyMatch(q -> q.correctCount() > 1), "some multiple-response questions");
    }

    @Test
    void writesInTheRequestedLanguage() {
        assertTrue(SampleBanks.generate("kk", 30, 1).stream().allMatch(q -> q.stem().matches(".*[а-яәіңғүұқөһ].*")));
        assertTrue(SampleBanks.generate("ru", 30, 1).stream().allMatch(q -> q.stem().matches(".*[а-я].*")));
        assertTrue(SampleBanks.generate("en", 30, 1).stream().allMatch(q -> q.stem().matches("[\\x20-\\x7E²³⁴⁵⁶×−]+")));
    }

    @Test
    void isRepeatableForASeedAndVariesAcrossSeeds() {
        assertEquals(SampleBanks.generate("ru", 50, 9), SampleBanks.generate("ru", 50, 9));
        assertNotEquals(SampleBanks.generate("ru", 50, 9), SampleBanks.generate("ru", 50, 10));
    }

    @Test
    void scalesToALargeBankWithDistinctStems() {
        List<QuestionDraft> bank = SampleBanks.generate("en", 1000, 3);

        BankValidationReport report = new BankValidator(1000, 0.1).validate(bank);
        assertTrue(report.passes(), report.issues().stream().limit(5).toList().toString());
    }

    @Test
    void keepsTheMixForCountsNotDivisibleByFive() {
        BankValidationReport report = new BankValidator(0, 5).validate(SampleBanks.generate("kk", 101, 5));

        assertTrue(report.passes(), report.issues().toString());
        assertEquals(101, report.counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void rejectsUnknownLanguagesAndCounts() {
        assertThrows(IllegalArgumentException.class, () -> SampleBanks.generate("de", 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleBanks.generate("en", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleBanks.generate("en", SampleBanks.MAX_COUNT + 1, 1));
    }
}
