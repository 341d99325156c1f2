package kz.adal.attempt;

import java.util.List;
import java.util.UUID;

/**
 * A student's paper. Store {@code algorithm} and {@code seed} with the attempt: with the same pool they
 * reproduce this paper exactly (for an appeal).
 */
public record DrawnPaper(String algorithm, long seed, List<DrawnQuestion> questions) {

    public DrawnPaper {
        questions = List.copyOf(questions);
    }

    public List<UUID> questionIds() {
        return questions.stream().map(DrawnQuestion::questionId).toList();
    }

    public long count(DrawDifficulty difficulty) {
        return questions.stream().filter(q -> q.difficulty() == difficulty).count();
    }
}
