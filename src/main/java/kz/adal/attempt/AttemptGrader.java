package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.bank.BankCatalog;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScaleConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grades a finished attempt: each question with {@link Scoring} under the exam's
 * {@code MultipleCorrectRule}, the percentage, then the institution's letter scale (001 §5.28).
 * Runs in the caller's transaction, on the locked attempt.
 */
@ApplicationScoped
class AttemptGrader {

    private final FrozenBankCache catalog;
    private final LetterScaleConfig letters;

    AttemptGrader(FrozenBankCache catalog, LetterScaleConfig letters) {
        this.catalog = catalog;
        this.letters = letters;
    }

    void grade(Attempt attempt, Terms exam, Instant now) {
        List<AttemptQuestion> rows = AttemptQuestion.list("key.attemptId = ?1 order by key.position", attempt.id);
        Map<UUID, BankCatalog.QuestionContent> content = catalog.content(rows.stream().map(r -> r.questionId).toList());
        List<QuestionScore> scores = new ArrayList<>(rows.size());
        for (AttemptQuestion row : rows) {
            QuestionScore s = Scoring.score(content.get(row.questionId).correct(), row.selectedBankOptions(), exam.multipleCorrectRule());
            row.scoreNum = s.numerator();
            row.scoreDen = s.denominator();
            scores.add(s);
        }
        BigDecimal percent = scores.isEmpty() ? BigDecimal.ZERO.setScale(2) : Scoring.percentage(scores);
        LetterBand band = letters.scale().gradeFor(percent);
        attempt.percent = percent;
        attempt.letter = band.letter();
        attempt.gpa = band.gpa();
        attempt.traditionalMark = band.traditionalMark();
        attempt.gradedAt = now;
    }
}
