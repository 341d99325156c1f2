package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankViews.VersionDetail;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draft's way to the department (001 §5.19): the author sends it to the meeting, the head of department records
 * the meeting's approval, which freezes the version. Both need a version that passes validation.
 */
@ApplicationScoped
public class BankApprovals {
    private final CurrentUser me;
    private final AuditTrail audit;
    private final TimeSource time;
    private final BankAccess access;
    private final BankQueries queries;
    private final BankValidator validator = BankValidator.standard();
    private final Event<BankVersionSubmitted> submitted;

    BankApprovals(CurrentUser me, AuditTrail audit, TimeSource time, BankAccess access, BankQueries queries, Event<BankVersionSubmitted> submitted) {
        this.me = me;
        this.audit = audit;
        this.time = time;
        this.access = access;
        this.queries = queries;
        this.submitted = submitted;
    }

    /**
     * The author sends a draft to the department meeting (001 §5.19): only a version that passes validation
     * (at least 100 questions, five options each, 001 §7.6) goes; the heads of department are told. Sending again
     * after more edits records the new moment.
     */
    @Transactional
    public VersionDetail submitToDepartment(UUID versionId, BankViews.SubmitRequest r) {
        BankVersion v = access.version(versionId);
        Bank b = access.bank(v.bankId);
        access.requireCompiler(b);
        v.requireDraft();
        List<QuestionDraft> drafts = BankQueries.drafts(v.id);
        BankValidationReport report = validator.validate(drafts);
        if (!report.passes()) {
            throw Problem.unprocessable("BANK_INVALID", "Fix the validation problems before sending the version to the department", report.issues());
        }
        DepartmentSubmission s = DepartmentSubmission.findById(v.id);
        if (s == null) {
            s = new DepartmentSubmission();
            s.versionId = v.id;
        }
        s.submittedBy = me.id();
        s.submittedAt = time.now();
        s.note = r == null || BankService.blank(r.note()) ? null : r.note().strip();
        s.persist();
        audit.record(Change.of("bank.sent-to-department", "bank-version", v.id).scope(v.bankId)
                .detail(Map.of("questions", drafts.size(), "note", s.note == null ? "" : s.note)));
        Person author = People.find(me.id()).orElse(null);
        submitted.fire(new BankVersionSubmitted(v.id, b.id, b.title, v.number, drafts.size(), author == null ? "" : author.fullName(), s.note));
        return queries.versionDetail(v.id);
    }

    /** The department meeting's approval (001 §5.19) freezes the version; it must pass validation first. */
    @Transactional
    public VersionDetail approve(UUID versionId, BankViews.ApprovalRequest request) {
        if (!me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("The head of department records the department's approval");
        BankVersion v = access.version(versionId);
        BankViews.ApprovalRequest r = Fields.check(request, BankViews.ApprovalRequest.class);   // date and minutes, 001 §5.19
        if (r.approvedOn().isAfter(time.today())) throw Problem.badRequest("APPROVAL_IN_FUTURE", "The meeting date can't be in the future");
        BankValidationReport report = validator.validate(BankQueries.drafts(v.id));
        if (!report.passes()) {
            throw Problem.unprocessable("BANK_INVALID", "The version fails validation and can't be approved or reviewed", report.issues());
        }
        v.requireDraft();
        DepartmentApproval a = new DepartmentApproval();
        a.versionId = v.id;
        a.approvedOn = r.approvedOn();
        a.minutesNumber = r.minutesNumber().strip();
        a.recordedBy = me.id();
        a.recordedAt = time.now();
        a.persist();
        v.approve(time.now());
        audit.record(Change.of("bank.approved", "bank-version", v.id).scope(v.bankId)
                .detail(Map.of("approvedOn", r.approvedOn().toString(), "minutes", a.minutesNumber)));
        return queries.versionDetail(v.id);
    }
}
