package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Extensions and individual sheets (001 §5.34–5.35): the student applies with a supporting document;
 * the dean, the academic-policy director and the academic vice-rector sign in turn; the dean's office
 * issues the order and hands out the sheet (the day of receipt starts 14 calendar days); the teacher's
 * grade is refused after them; the registrar records the return and enters the grades into the AIS
 * within 2 days. The rules are in {@link IndividualSheet}; this class stores and audits them.
 */
@ApplicationScoped
public class ExtensionService {
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Set<IndividualSheetState> OPEN = EnumSet.of(IndividualSheetState.APPLIED,
            IndividualSheetState.SIGNED_BY_DEAN, IndividualSheetState.SIGNED_BY_ACADEMIC_POLICY_DIRECTOR,
            IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR, IndividualSheetState.ORDER_ISSUED,
            IndividualSheetState.SHEET_ISSUED);

    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;
    private final IndividualSheetDocument sheetDocument;

    ExtensionService(AuditTrail audit, TimeSource time, CurrentUser me, IndividualSheetDocument sheetDocument) {
        this.sheetDocument = sheetDocument;
        this.audit = audit;
        this.time = time;
        this.me = me;
    }

    /** Why a signatory refuses an application. */
    public record ReasonRequest(@NotBlank(message = "is required") String reason) {}

    /** Which period the portal administrator unlocks ({@code ?period=}). */
    public record UnlockRequest(@NotBlank(message = "is required") String period) {}

    /** The dean's office order extending the deadline. */
    public record OrderRequest(@NotBlank(message = "is required") String orderNumber) {}

    /** The teacher's grade on the sheet, a percentage. */
    public record GradeRequest(@NotNull(message = "{problem.PERCENT_INVALID}") @DecimalMin(value = "0", message = "{problem.PERCENT_INVALID}")
                               @DecimalMax(value = "100", message = "{problem.PERCENT_INVALID}") BigDecimal percent) {}

    /** The portal administrator's lock of an academic period (001 §5.31). */
    public record LockRequest(@NotNull(message = "{problem.PERIOD_INVALID}")
                              @Pattern(regexp = "\\s*" + ExamService.PERIOD_PATTERN + "\\s*", message = "{problem.PERIOD_INVALID}") String academicPeriod,
                              String note) {}

    public record ApplyRequest(UUID examId, String reason, String documentName, String documentType, String documentBase64) {}

    public record SheetView(UUID id, UUID examId, String examTitle, String discipline, String groupCode, UUID studentId,
                            String studentLogin, String studentName, IndividualSheetState state, String reason,
                            String documentName, Instant appliedAt, Instant deanSignedAt, Instant policySignedAt,
                            Instant viceSignedAt, String refusalReason, String orderNumber, Instant orderIssuedAt,
                            LocalDate receivedOn, LocalDate validThrough, boolean validToday, BigDecimal gradePercent,
                            LocalDate returnedOn, boolean gradesCount, LocalDate aisEntryDueOn, boolean aisEntryOverdue,
                            Instant aisRecordedAt, String nextStep) {}

    @Transactional
    public SheetView apply(ApplyRequest r) {
        if (r == null || r.examId() == null) throw Problem.badRequest("EXAM_REQUIRED", "Choose the exam");
        Exam exam = Exam.findById(r.examId());
        if (exam == null) throw Problem.notFound("Exam");
        Person student = People.find(me.id()).orElse(null);
        if (student == null || !exam.groupCode.equals(student.groupCode())) {
            throw new Problem(403, ExamAccess.NOT_IN_GROUP, "This exam is not for your group");
        }
        if (exam.state == ExamState.DRAFT) throw Problem.conflict(ExamAccess.EXAM_NOT_PUBLISHED, "This exam is not published");
        if (ExamService.blank(r.reason())) throw Problem.badRequest("REASON_REQUIRED", "Say why you ask for an extension");
        byte[] doc = document(r);
        if (Extension.count("examId = ?1 and studentId = ?2 and state in ?3", exam.id, student.id(), OPEN) > 0) {
            throw Problem.conflict("SHEET_EXISTS", "You already have an extension in progress for this exam");
        }
        Extension e = new Extension();
        e.examId = exam.id;
        e.studentId = student.id();
        e.take(IndividualSheet.apply());
        e.reason = r.reason().trim();
        e.document = doc;
        e.documentType = kz.adal.platform.UploadedFiles.documentType(doc);
        e.documentName = kz.adal.platform.UploadedFiles.safeName(r.documentName(), kz.adal.platform.UploadedFiles.fallbackName(e.documentType));
        e.appliedAt = time.now();
        e.persist();
        audit.record(Change.of("sheet.applied", "individual-sheet", e.id).scope(exam.id)
                .detail(Map.of("student", student.login(), "document", e.documentName, "bytes", doc.length)));
        return view(e);
    }

    /** The next signature, by whoever holds the role whose turn it is (001 §5.34). */
    @Transactional
    public SheetView sign(UUID id) {
        Extension e = find(id);
        SheetSignatory who = switch (e.state) {
            case APPLIED -> SheetSignatory.DEAN;
            case SIGNED_BY_DEAN -> SheetSignatory.ACADEMIC_POLICY_DIRECTOR;
            case SIGNED_BY_ACADEMIC_POLICY_DIRECTOR -> SheetSignatory.ACADEMIC_VICE_RECTOR;
            default -> throw Problem.conflict("NOTHING_TO_SIGN", "This application is " + e.state + "; no signature is due");
        };
        requireTurn(who);
        e.take(e.sheet().sign(who));
        Instant now = time.now();
        switch (who) {
            case DEAN -> { e.deanSignedBy = me.id(); e.deanSignedAt = now; }
            case ACADEMIC_POLICY_DIRECTOR -> { e.policySignedBy = me.id(); e.policySignedAt = now; }
            case ACADEMIC_VICE_RECTOR -> { e.viceSignedBy = me.id(); e.viceSignedAt = now; }
        }
        audit.record(Change.of("sheet.signed", "individual-sheet", e.id).scope(e.examId).detail(Map.of("by", who.name())));
        return view(e);
    }

    @Transactional
    public SheetView refuse(UUID id, String reason) {
        Extension e = find(id);
        SheetSignatory who = switch (e.state) {
            case APPLIED -> SheetSignatory.DEAN;
            case SIGNED_BY_DEAN -> SheetSignatory.ACADEMIC_POLICY_DIRECTOR;
            case SIGNED_BY_ACADEMIC_POLICY_DIRECTOR -> SheetSignatory.ACADEMIC_VICE_RECTOR;
            default -> throw Problem.conflict("NOTHING_TO_SIGN", "This application is " + e.state + "; it can't be refused now");
        };
        requireTurn(who);
        Fields.check(new ReasonRequest(reason), ReasonRequest.class);
        e.take(e.sheet().refuse());
        e.refusedBy = me.id();
        e.refusedAt = time.now();
        e.refusalReason = reason.trim();
        audit.record(Change.of("sheet.refused", "individual-sheet", e.id).scope(e.examId)
                .detail(Map.of("by", who.name(), "reason", e.refusalReason)));
        return view(e);
    }

    /** The dean's office issues the order extending the deadline. */
    @Transactional
    public SheetView issueOrder(UUID id, String orderNumber) {
        Extension e = find(id);
        Fields.check(new OrderRequest(orderNumber), OrderRequest.class);
        e.take(e.sheet().issueOrder());
        e.orderNumber = orderNumber.trim();
        e.orderIssuedBy = me.id();
        e.orderIssuedAt = time.now();
        audit.record(Change.of("sheet.order-issued", "individual-sheet", e.id).scope(e.examId)
                .detail(Map.of("order", e.orderNumber)));
        return view(e);
    }

    /** The sheet is handed to the student; the recorded day of receipt starts the 14 days (001 §5.35). */
    @Transactional
    public SheetView issueSheet(UUID id, LocalDate receivedOn) {
        Extension e = find(id);
        LocalDate day = receivedOn == null ? time.today() : receivedOn;
        if (day.isAfter(time.today())) throw Problem.badRequest("RECEIPT_IN_FUTURE", "The day of receipt can't be in the future");
        e.take(e.sheet().issue(day));
        audit.record(Change.of("sheet.issued", "individual-sheet", e.id).scope(e.examId)
                .detail(Map.of("receivedOn", day.toString(), "validThrough", e.sheet().validThrough().toString())));
        return view(e);
    }

    /**
     * The teacher's grade on the sheet. Refused once the 14 days after receipt are over: such grades
     * are not counted (001 §5.35). The portal lock (001 §5.31) does not apply to a valid sheet.
     */
    @Transactional
    public SheetView grade(UUID id, BigDecimal percent) {
        Extension e = find(id);
        Exam exam = Exam.findById(e.examId);
        if (!exam.createdBy.equals(me.id()) && !me.has(Role.HEAD_OF_DEPARTMENT) && !me.has(Role.SYSTEM_ADMIN)) {
            throw Problem.forbidden("Only the exam's teacher grades its individual sheets");
        }
        Fields.check(new GradeRequest(percent), GradeRequest.class);
        if (e.state != IndividualSheetState.SHEET_ISSUED) {
            throw Problem.conflict("SHEET_NOT_ISSUED", "Grades go on an issued sheet; this one is " + e.state);
        }
        LocalDate today = time.today();
        if (!e.sheet().isValidOn(today)) {
            throw Problem.conflict("SHEET_EXPIRED", "The sheet was valid through " + e.sheet().validThrough()
                    + " (14 calendar days after receipt on " + e.receivedOn + "); grades after that are not counted (001 §5.35)");
        }
        e.gradePercent = percent;
        e.gradedBy = me.id();
        e.gradedAt = time.now();
        audit.record(Change.of("sheet.graded", "individual-sheet", e.id).scope(e.examId)
                .detail(Map.of("percent", percent.toPlainString())));
        return view(e);
    }

    /** The registrar office receives the sheet back: in time its grades count, later they don't (001 §5.35). */
    @Transactional
    public SheetView returned(UUID id) {
        Extension e = find(id);
        LocalDate today = time.today();
        e.take(e.sheet().returnToRegistrar(today));
        e.returnedBy = me.id();
        audit.record(Change.of("sheet.returned", "individual-sheet", e.id).scope(e.examId)
                .detail(Map.of("returnedOn", today.toString(), "state", e.state.name())));
        return view(e);
    }

    /** The registrar entered the sheet's grades into the AIS (due 2 days after return, 001 §5.34). */
    @Transactional
    public SheetView recordedInAis(UUID id) {
        Extension e = find(id);
        e.take(e.sheet().recordInAis());
        e.aisRecordedBy = me.id();
        e.aisRecordedAt = time.now();
        audit.record(Change.of("sheet.recorded-in-ais", "individual-sheet", e.id).scope(e.examId));
        return view(e);
    }

    @Transactional
    public List<SheetView> mine() {
        return Extension.<Extension>list("studentId = ?1 order by appliedAt desc", me.id()).stream().map(this::view).toList();
    }

    /** What waits for the caller: signatures for the three signatories, order and sheet for the dean's office. */
    @Transactional
    public List<SheetView> queue() {
        EnumSet<IndividualSheetState> states = EnumSet.noneOf(IndividualSheetState.class);
        if (me.has(Role.DEAN)) {
            states.addAll(List.of(IndividualSheetState.APPLIED, IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR,
                    IndividualSheetState.ORDER_ISSUED, IndividualSheetState.SHEET_ISSUED));
        }
        if (me.has(Role.ACADEMIC_POLICY_DIRECTOR)) states.add(IndividualSheetState.SIGNED_BY_DEAN);
        if (me.has(Role.ACADEMIC_VICE_RECTOR)) states.add(IndividualSheetState.SIGNED_BY_ACADEMIC_POLICY_DIRECTOR);
        if (states.isEmpty()) return List.of();
        return Extension.<Extension>list("state in ?1 order by appliedAt", states).stream().map(this::view).toList();
    }

    /** For the registrar: sheets out with students, and returned ones whose AIS entry is due (overdue first). */
    @Transactional
    public List<SheetView> registrarList() {
        List<Extension> rows = Extension.list("state in ?1 order by appliedAt",
                EnumSet.of(IndividualSheetState.SHEET_ISSUED, IndividualSheetState.RETURNED));
        return rows.stream().map(this::view)
                .sorted(java.util.Comparator.comparing((SheetView v) -> !v.aisEntryOverdue())
                        .thenComparing(v -> v.aisEntryDueOn() == null ? LocalDate.MAX : v.aisEntryDueOn()))
                .toList();
    }

    /** Sheets of one exam, for its teacher (others who see the exam get the sheets without the applications). */
    @Transactional
    public List<SheetView> forExam(UUID examId) {
        return Extension.<Extension>list("examId = ?1 order by appliedAt", examId).stream()
                .map(e -> mayReadApplication(e) ? view(e) : withoutApplication(view(e))).toList();
    }

    /**
     * The application — its reason and document, often medical — is read by the applicant, the dean chain
     * (dean, academic-policy director, vice-rector), the exam's teacher and the registrar; nobody else,
     * whatever their role (001 §5.34).
     */
    boolean mayReadApplication(Extension e) {
        if (e.studentId.equals(me.id())) return true;
        if (me.has(Role.DEAN) || me.has(Role.ACADEMIC_POLICY_DIRECTOR) || me.has(Role.ACADEMIC_VICE_RECTOR) || me.has(Role.REGISTRAR)) {
            return true;
        }
        Exam exam = Exam.findById(e.examId);
        return exam != null && me.id().equals(exam.createdBy);
    }

    private static SheetView withoutApplication(SheetView v) {
        return new SheetView(v.id(), v.examId(), v.examTitle(), v.discipline(), v.groupCode(), v.studentId(), v.studentLogin(),
                v.studentName(), v.state(), null, null, v.appliedAt(), v.deanSignedAt(), v.policySignedAt(), v.viceSignedAt(),
                v.refusalReason(), v.orderNumber(), v.orderIssuedAt(), v.receivedOn(), v.validThrough(), v.validToday(),
                v.gradePercent(), v.returnedOn(), v.gradesCount(), v.aisEntryDueOn(), v.aisEntryOverdue(), v.aisRecordedAt(), v.nextStep());
    }

    public record Document(String name, String type, byte[] bytes) {}

    /** The applicant, the signatories, the registrar and the exam's teacher may read the document. */
    @Transactional
    public Document document(UUID id) {
        Extension e = find(id);
        if (!mayReadApplication(e)) throw Problem.notFound("Application");
        return new Document(e.documentName, e.documentType, e.document);
    }

    /**
     * The individual sheet as the dean's office prints it ({@link IndividualSheetDocument}), for whoever may read
     * the sheet; without the application's reason and document.
     */
    @Transactional
    public byte[] sheetPdf(UUID id, String lang) {
        Extension e = find(id);
        if (!mayReadApplication(e)) throw Problem.notFound("Application");
        return sheetDocument.pdf(e, Exam.findById(e.examId), lang);
    }

    @Transactional
    public SheetView get(UUID id) {
        Extension e = find(id);
        if (!mayReadApplication(e)) throw Problem.notFound("Application");
        return view(e);
    }

    // --- portal lock (001 §5.31) ---

    public record LockView(String academicPeriod, Instant lockedAt, String note) {}

    @Transactional
    public LockView lock(String period, String note) {
        Fields.check(new LockRequest(period, note), LockRequest.class);
        if (PortalLock.findById(period.trim()) != null) throw Problem.conflict("ALREADY_LOCKED", "The period is already locked");
        PortalLock l = new PortalLock();
        l.academicPeriod = period.trim();
        l.lockedAt = time.now();
        l.lockedBy = me.id();
        l.note = ExamService.blank(note) ? null : note.trim();
        l.persist();
        audit.record(Change.of("portal.locked", "portal-lock", l.academicPeriod).detail(Map.of("period", l.academicPeriod)));
        return new LockView(l.academicPeriod, l.lockedAt, l.note);
    }

    @Transactional
    public void unlock(String period, String reason) {
        Fields.check(new UnlockRequest(period), UnlockRequest.class);
        PortalLock l = PortalLock.findById(period.trim());
        if (l == null) throw Problem.notFound("Lock");
        Fields.check(new ReasonRequest(reason), ReasonRequest.class);   // ?reason=, why it is unlocked
        l.delete();
        audit.record(Change.of("portal.unlocked", "portal-lock", period).detail(Map.of("reason", reason.trim())));
    }

    @Transactional
    public List<LockView> locks() {
        return PortalLock.<PortalLock>listAll().stream().map(l -> new LockView(l.academicPeriod, l.lockedAt, l.note)).toList();
    }

    // --- helpers ---

    private void requireTurn(SheetSignatory who) {
        Role role = switch (who) {
            case DEAN -> Role.DEAN;
            case ACADEMIC_POLICY_DIRECTOR -> Role.ACADEMIC_POLICY_DIRECTOR;
            case ACADEMIC_VICE_RECTOR -> Role.ACADEMIC_VICE_RECTOR;
        };
        if (!me.has(role)) {
            throw new Problem(403, "NOT_YOUR_TURN", "The next signature is the " + who.name().toLowerCase().replace('_', ' ') + "'s (001 §5.34)");
        }
    }

    private static byte[] document(ApplyRequest r) {
        if (ExamService.blank(r.documentBase64()) || ExamService.blank(r.documentName())) {
            throw Problem.badRequest("DOCUMENT_REQUIRED", "Attach the supporting document (001 §5.34)");
        }
        if (r.documentType() == null || !DOCUMENT_TYPES.contains(r.documentType())) {
            throw Problem.badRequest("DOCUMENT_TYPE", "The document must be a PDF, JPEG or PNG file");
        }
        if (r.documentBase64().length() > (MAX_DOCUMENT_BYTES / 3 + 1) * 4 + 8) {
            throw Problem.badRequest("DOCUMENT_TOO_LARGE", "The document is larger than 5 MB");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(r.documentBase64().trim());
        } catch (IllegalArgumentException ex) {
            throw Problem.badRequest("DOCUMENT_UNREADABLE", "The document could not be read");
        }
        if (bytes.length == 0) throw Problem.badRequest("DOCUMENT_REQUIRED", "The document is empty");
        if (bytes.length > MAX_DOCUMENT_BYTES) throw Problem.badRequest("DOCUMENT_TOO_LARGE", "The document is larger than 5 MB");
        // the type is read from the bytes, not taken from the browser's claim
        if (kz.adal.platform.UploadedFiles.documentType(bytes) == null) {
            throw Problem.badRequest("DOCUMENT_TYPE", "The document must be a PDF, JPEG or PNG file");
        }
        return bytes;
    }


    private Extension find(UUID id) {
        Extension e = Extension.findById(id);
        if (e == null) throw Problem.notFound("Individual sheet");
        return e;
    }

    SheetView view(Extension e) {
        Exam exam = Exam.findById(e.examId);
        Person s = People.find(e.studentId).orElse(null);
        IndividualSheet sheet = e.sheet();
        LocalDate today = time.today();
        LocalDate validThrough = e.receivedOn == null ? null : sheet.validThrough();
        LocalDate due = sheet.gradesCount() ? sheet.aisEntryDueOn() : null;
        boolean overdue = due != null && e.state == IndividualSheetState.RETURNED && today.isAfter(due);
        String next = switch (e.state) {
            case APPLIED -> "DEAN_SIGNS";
            case SIGNED_BY_DEAN -> "ACADEMIC_POLICY_DIRECTOR_SIGNS";
            case SIGNED_BY_ACADEMIC_POLICY_DIRECTOR -> "ACADEMIC_VICE_RECTOR_SIGNS";
            case SIGNED_BY_ACADEMIC_VICE_RECTOR -> "DEAN_OFFICE_ISSUES_ORDER";
            case ORDER_ISSUED -> "DEAN_OFFICE_ISSUES_SHEET";
            case SHEET_ISSUED -> "STUDENT_SITS_AND_RETURNS";
            case RETURNED -> "REGISTRAR_ENTERS_IN_AIS";
            case RETURNED_LATE, RECORDED_IN_AIS, REFUSED -> "NONE";
        };
        return new SheetView(e.id, e.examId, exam.title, exam.discipline, exam.groupCode, e.studentId, s.login(), s.fullName(),
                e.state, e.reason, e.documentName, e.appliedAt, e.deanSignedAt, e.policySignedAt, e.viceSignedAt,
                e.refusalReason, e.orderNumber, e.orderIssuedAt, e.receivedOn, validThrough, e.isValidOn(today),
                e.gradePercent, e.returnedOn, sheet.gradesCount(), due, overdue, e.aisRecordedAt, next);
    }

    // --- after a technical-failure act (kz.adal.casework) ---

    /**
     * The commission voided the student's attempt after a technical failure: an individual sheet opens for
     * the student (product decision: the re-sit is never a second attempt), applied on their behalf with the
     * signed act as its document, then signed in the usual chain (001 §5.34). Audited; returns the sheet's id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID openAfterTechnicalFailure(UUID examId, UUID studentId, UUID actId, String reason, byte[] actPdf) {
        Extension open = Extension.find("examId = ?1 and studentId = ?2 and state in ?3", examId, studentId, OPEN).firstResult();
        if (open != null) return open.id;
        Extension e = new Extension();
        e.examId = examId;
        e.studentId = studentId;
        e.take(IndividualSheet.apply());
        e.reason = reason;
        e.document = actPdf;
        e.documentName = "technical-failure-act-" + actId + ".pdf";
        e.documentType = "application/pdf";
        e.appliedAt = time.now();
        e.persist();
        audit.record(Change.of("sheet.applied", "individual-sheet", e.id).scope(examId)
                .detail(Map.of("student", studentId.toString(), "act", actId.toString(), "onBehalf", true)));
        return e.id;
    }
}
