package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.exam.Accommodation;
import kz.adal.exam.Admission;
import kz.adal.exam.Exam;
import kz.adal.exam.ExamState;
import kz.adal.exam.LateStartPolicy;
import kz.adal.identity.AppUser;
import kz.adal.platform.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Stand-in for {@code kz.adal.exam.ExamAccess.requireStartable} until it lands: published, the
 * student's group, admitted (001 §5.30), and the window with its late-start policy. Same shape as
 * the contract, so switching is a one-line change in {@link AttemptService}.
 */
@ApplicationScoped
class StartCheck {

    /** Mirrors {@code ExamAccess.StartPermit}: duration includes the accommodation; cutAt is null unless cut. */
    record StartPermit(Exam exam, Duration duration, Instant cutAt, boolean mustWarnCut, int round, UUID individualSheetId) {
    }

    StartPermit requireStartable(UUID examId, UUID studentId, Instant now) {
        Exam exam = Exam.findById(examId);
        if (exam == null) throw Problem.notFound("Exam");
        if (exam.state != ExamState.PUBLISHED) throw Problem.conflict("EXAM_NOT_PUBLISHED", "This exam is not published");
        AppUser student = AppUser.findById(studentId);
        if (student == null || !exam.groupCode.equals(student.groupCode)) {
            throw new Problem(403, "NOT_IN_GROUP", "This exam is for group " + exam.groupCode + " only");
        }
        if (!Admission.isAdmitted(examId, studentId)) {
            // 001 §5.30: admission only after all control tasks
            throw new Problem(403, "NOT_ADMITTED", "You are not admitted to this exam (001 §5.30); ask your teacher");
        }
        Duration full = exam.duration().plus(Accommodation.extraFor(examId, studentId));
        LateStartPolicy.LateStart late = exam.lateStartPolicy.evaluate(exam.opensAt, exam.closesAt, full, now);
        if (!late.allowed()) {
            String code = switch (late.refusalCode()) {
                case "exam.window.not-open" -> "EXAM_NOT_OPEN";
                case "exam.window.closed" -> "EXAM_CLOSED";
                default -> "TOO_LATE_TO_START";
            };
            throw Problem.conflict(code, late.refusalMessage());
        }
        return new StartPermit(exam, full, late.mustWarn() ? late.deadline() : null, late.mustWarn(), 1, null);
    }
}
