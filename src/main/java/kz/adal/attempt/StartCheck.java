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
        if (exam == null || exam.state != ExamState.PUBLISHED) throw Problem.notFound("Exam");
        AppUser student = AppUser.findById(studentId);
        boolean admitted = Admission.isAdmitted(examId, studentId);
        if (student == null || !(exam.groupCode.equals(student.groupCode) || admitted)) {
            throw new Problem(403, "EXAM_NOT_YOUR_GROUP", "This exam is for group " + exam.groupCode);
        }
        if (!admitted) {
            // 001 §5.30: admission only after all control tasks
            throw new Problem(403, "EXAM_NOT_ADMITTED", "You are not admitted to this exam (001 §5.30); ask your teacher");
        }
        Duration full = exam.duration().plus(Accommodation.extraFor(examId, studentId));
        LateStartPolicy.LateStart late = exam.lateStartPolicy.evaluate(exam.opensAt, exam.closesAt, full, now);
        if (!late.allowed()) throw Problem.conflict(late.refusalCode(), late.refusalMessage());
        return new StartPermit(exam, full, late.mustWarn() ? late.deadline() : null, late.mustWarn(), 1, null);
    }
}
