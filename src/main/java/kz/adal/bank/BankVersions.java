package kz.adal.bank;

import kz.adal.bank.BankViews.Passport;
import kz.adal.bank.BankViews.QuestionView;
import kz.adal.platform.Problem;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A version and its questions as records, for the sub-packages (the expert review, {@code bank.review}), which may
 * not name this package's entities. Lookups answer 404 like {@link BankAccess}; who may see what stays with the caller.
 */
public final class BankVersions {
    private BankVersions() {
    }

    /** A version with what its bank says about it: the title and who compiled it. */
    public record VersionRef(UUID id, UUID bankId, String bankTitle, int number, BankVersionState state, Passport passport,
                             Set<UUID> compilers) {
        public boolean isCompiler(UUID userId) {
            return compilers.contains(userId);
        }
    }

    /** A question's place: its version and its number in it. */
    public record QuestionRef(UUID id, UUID versionId, int position) {}

    public static VersionRef version(UUID versionId) {
        BankVersion v = BankVersion.findById(versionId);
        if (v == null) throw Problem.notFound("Bank version");
        Bank b = Bank.findById(v.bankId);
        if (b == null) throw Problem.notFound("Bank");
        return new VersionRef(v.id, b.id, b.title, v.number, v.state, BankQueries.passport(v), Set.copyOf(b.compilers));
    }

    public static QuestionRef question(UUID questionId) {
        Question q = Question.findById(questionId);
        if (q == null) throw Problem.notFound("Question");
        return new QuestionRef(q.id, q.versionId, q.position);
    }

    /** The version's questions in order, with their answers (the caller has checked the user may see them). */
    public static List<QuestionView> questions(UUID versionId) {
        return Question.<Question>list("versionId = ?1 order by position", versionId).stream().map(BankQueries::view).toList();
    }

    /** The version's questions as values, in order, for validation. */
    public static List<QuestionDraft> drafts(UUID versionId) {
        return BankQueries.drafts(versionId);
    }
}
