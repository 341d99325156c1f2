package kz.adal.bank.format;

import kz.adal.bank.QuestionDraft;
import java.util.List;

/** What an upload would add: the questions that parsed and every problem found, for the author to review. */
public record ImportPreview(BankFormat format, List<QuestionDraft> questions, List<ImportProblem> problems) {
    public ImportPreview {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    /** True when nothing in the file was skipped or refused. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
