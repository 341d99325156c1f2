package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The one gate the attempt feature asks before a student starts: is the exam published, is the
 * window open for this student (or a valid individual sheet's personal window), is the student in
 * the group, admitted, with the completed curriculum where required, and not behind the portal lock.
 * Refusals are {@link Problem}s with the stable codes below. See docs/domain/exam-window.md.
 */
@ApplicationScoped
public class ExamAccess {
    /** 409: the exam is a draft. */
    public static final String EXAM_NOT_PUBLISHED = "EXAM_NOT_PUBLISHED";
    /** 409: the exam was cancelled. */
    public static final String EXAM_CANCELLED = "EXAM_CANCELLED";
    /** 403: the student is not in the exam's group. */
    public static final String NOT_IN_GROUP = "NOT_IN_GROUP";
    /** 403: the student is not admitted (001 §5.30). */
    public static final String NOT_ADMITTED = "NOT_ADMITTED";
    /** 403: final attestation without the completed curriculum (001 §5.39.4). */
    public static final String CURRICULUM_NOT_COMPLETED = "CURRICULUM_NOT_COMPLETED";
    /** 403: the period is locked by the portal administrator (001 §5.31) and no valid sheet exempts the student. */
    public static final String PORTAL_LOCKED = "PORTAL_LOCKED";
    /** 409: the window (or the sheet's personal window) has not opened yet. */
    public static final String WINDOW_NOT_OPEN = "EXAM_NOT_OPEN";
    /** 409: the window (or the sheet's personal window) has closed. */
    public static final String WINDOW_CLOSED = "EXAM_CLOSED";
    /** 409: the late-start policy refuses a start that would not leave the full time. */
    public static final String TOO_LATE_TO_START = "TOO_LATE_TO_START";

    /**
     * Checks everything needed to start and returns the permit; throws a {@link Problem} otherwise.
     * Does not mark the caller's transaction for rollback when it refuses.
     *
     * @param now the server's time of the start request (never the browser's)
     */
    @Transactional(dontRollbackOn = Problem.class)
    public StartPermit requireStartable(UUID examId, UUID studentId, Instant now) {
        Exam exam = Exam.findById(examId);
        if (exam == null) throw Problem.notFound("Exam");
        if (exam.state == ExamState.CANCELLED) throw Problem.conflict(EXAM_CANCELLED, "This exam was cancelled");
        if (exam.state != ExamState.PUBLISHED) throw Problem.conflict(EXAM_NOT_PUBLISHED, "This exam is not published yet");
        Person student = People.find(studentId).orElse(null);
        if (student == null || !student.has(Role.STUDENT) || !exam.groupCode.equals(student.groupCode())) {
            throw new Problem(403, NOT_IN_GROUP, "This exam is for group " + exam.groupCode + " only");
        }
        if (exam.kind.requiresCompletedCurriculum() && !student.curriculumCompleted()) {
            throw new Problem(403, CURRICULUM_NOT_COMPLETED,
                    "Only students who completed the whole curriculum may sit the final attestation (001 §5.39.4)");
        }
        if (!isAdmitted(exam, studentId)) {
            throw new Problem(403, NOT_ADMITTED,
                    "You are not admitted to this exam: admission needs all control tasks of the course completed (001 §5.30)");
        }
        LocalDate today = LocalDate.ofInstant(now, TimeSource.ZONE);
        Optional<Extension> sheet = Extension.validFor(examId, studentId, today);
        if (sheet.isEmpty() && PortalLock.closes(exam.kind) && PortalLock.isLocked(exam.academicPeriod, now)) {
            throw new Problem(403, PORTAL_LOCKED, "The period " + exam.academicPeriod
                    + " is locked after the intermediate-control deadline (001 §5.31); only a valid individual sheet opens it");
        }
        Duration full = exam.duration().plus(Accommodation.extraFor(examId, studentId));
        Instant opens = exam.opensAt;
        Instant closes = exam.closesAt;
        if (sheet.isPresent()) {
            // the sheet's personal window: from the day of receipt through receipt + 14 days (001 §5.35)
            IndividualSheet s = sheet.get().sheet();
            Instant personalOpen = s.receivedOn().atStartOfDay(TimeSource.ZONE).toInstant();
            opens = personalOpen.isAfter(exam.opensAt) ? personalOpen : exam.opensAt;
            closes = s.validThrough().plusDays(1).atStartOfDay(TimeSource.ZONE).toInstant();
        }
        LateStartPolicy.LateStart decision = exam.lateStartPolicy.evaluate(opens, closes, full, now);
        if (!decision.allowed()) {
            // the policy's codes are these: WINDOW_NOT_OPEN, WINDOW_CLOSED, TOO_LATE_TO_START
            throw Problem.conflict(decision.refusalCode(), decision.refusalMessage());
        }
        return new StartPermit(ExamCatalog.terms(exam), full, decision.mustWarn() ? decision.deadline() : null, decision.mustWarn(),
                sheet.isPresent() ? 2 : 1, sheet.map(e -> e.id).orElse(null));
    }

    /**
     * Admission (001 §5.30): the session exam needs a positive admission decision; for the other kinds
     * a student of the group is admitted unless a teacher recorded otherwise. Final attestation is
     * gated by the curriculum (checked separately).
     */
    static boolean isAdmitted(Exam exam, UUID studentId) {
        Admission a = Admission.findById(new Admission.ExamStudent(exam.id, studentId));
        if (exam.kind.requiresCompletedControlTasks()) return a != null && a.admitted;
        return a == null || a.admitted;
    }
}
