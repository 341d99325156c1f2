package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.bank.Difficulty;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.platform.Problem;

import java.util.List;
import java.util.UUID;

/**
 * The paper of an attempt: the draw from the exam's pool when it starts ({@link AttemptService#start}), and for an
 * appeal the paper as stored next to the paper drawn again from the stored seed and algorithm.
 */
@ApplicationScoped
public class AttemptPapers {

    /** Every question has 5 options (001 §7.6). */
    static final int OPTIONS_PER_QUESTION = 5;

    private final FrozenBankCache bank;
    private final AttemptLookups lookups;

    AttemptPapers(FrozenBankCache bank, AttemptLookups lookups) {
        this.bank = bank;
        this.lookups = lookups;
    }

    /** The exam's draw for a seed: the pool is the bank version's questions on the exam's topics. */
    DrawnPaper draw(Terms exam, long seed) {
        List<PoolItem> pool = bank.pool(exam.bankVersionId(), exam.topics()).stream()
                .map(q -> new PoolItem(q.id(), difficulty(q.difficulty()))).toList();
        return QuestionDraw.draw(pool, OPTIONS_PER_QUESTION, exam.questionCount(),
                new DifficultyMix(exam.mixEasy(), exam.mixMedium(), exam.mixHard()), seed);
    }

    /** Rebuilds an attempt's paper from its stored seed and algorithm (for an appeal); compare with the stored rows. */
    @Transactional
    public DrawnPaper redraw(UUID attemptId) {
        Attempt a = Attempt.findById(attemptId);
        if (a == null || a.seed == null) throw Problem.notFound("Drawn attempt");
        if (!QuestionDraw.ALGORITHM.equals(a.algorithm)) {
            throw Problem.conflict("ATTEMPT_ALGORITHM_UNKNOWN", "This paper was drawn by " + a.algorithm);
        }
        return draw(lookups.terms(a.examId), a.seed);
    }

    /** The paper as stored with the attempt. */
    @Transactional
    public DrawnPaper storedPaper(UUID attemptId) {
        Attempt a = Attempt.findById(attemptId);
        if (a == null || a.seed == null) throw Problem.notFound("Drawn attempt");
        return new DrawnPaper(a.algorithm, a.seed, AttemptLookups.rows(attemptId).stream().map(AttemptQuestion::toDrawn).toList());
    }

    static DrawDifficulty difficulty(Difficulty d) {
        return switch (d) {
            case EASY -> DrawDifficulty.EASY;
            case MEDIUM -> DrawDifficulty.MEDIUM;
            case HARD -> DrawDifficulty.HARD;
        };
    }
}
