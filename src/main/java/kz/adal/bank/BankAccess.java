package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.bank.review.ExpertReviews;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.util.UUID;

/**
 * Who may see and edit a bank (compilers edit drafts; the head of department approves; assigned experts review),
 * and the lookups that answer 404: what every bank service asks first.
 */
@ApplicationScoped
class BankAccess {
    private final CurrentUser me;

    BankAccess(CurrentUser me) {
        this.me = me;
    }

    boolean canSeeAllBanks() {
        return me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN) || me.has(Role.TEACHER);
    }

    /** Question content (with answers) is for compilers, the head, admins and the version's assigned experts. */
    void requireContentAccess(Bank b, BankVersion v) {
        UUID uid = me.id();
        if (b.isCompiler(uid) || me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN)) return;
        if (v != null && ExpertReviews.isAssigned(v.id, uid)) return;
        throw Problem.forbidden("Only the bank's compilers, the head of department and its assigned expert see its questions");
    }

    void requireCompiler(Bank b) {
        if (!b.isCompiler(me.id())) throw Problem.forbidden("Only the bank's compilers edit it");
    }

    Bank bank(UUID id) {
        Bank b = Bank.findById(id);
        if (b == null) throw Problem.notFound("Bank");
        return b;
    }

    BankVersion version(UUID id) {
        BankVersion v = BankVersion.findById(id);
        if (v == null) throw Problem.notFound("Bank version");
        return v;
    }

    Question question(UUID id) {
        Question q = Question.findById(id);
        if (q == null) throw Problem.notFound("Question");
        return q;
    }
}
