package kz.adal.exam;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.bank.BankRows;
import kz.adal.identity.UserRows;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.UUID;

/**
 * Exam rows made or changed behind the API, for the tests of other features: they may not name {@code Exam},
 * {@code Admission} or {@code Accommodation} (package-private, kept so by ArchitectureTest). Each call commits on its
 * own, as if the demo teacher (or dean) had done it.
 */
public final class ExamRows {
    private ExamRows() {
    }

    /**
     * A published intermediate attestation on version 1 of the demo bank in {@code language}, created by the demo
     * teacher; one attempt allowed.
     */
    public record Published(String title, String group, String language, int questions, int minutes, MultipleCorrectRule rule,
                            Instant opensAt, Instant closesAt, LateStartPolicy late, Instant resultsVisibleAt, DeliveryMode mode) {
    }

    public static UUID publish(Published p) {
        BankRows.Version v = BankRows.demo(p.language());
        UUID teacher = UserRows.id("teacher");
        return QuarkusTransaction.requiringNew().call(() -> {
            Exam e = new Exam();
            e.title = p.title();
            e.kind = AssessmentKind.INTERMEDIATE_ATTESTATION;
            e.discipline = v.discipline();
            e.groupCode = p.group();
            e.academicPeriod = "2026-2027/1";
            e.bankVersionId = v.id();
            e.questionCount = p.questions();
            e.durationMinutes = p.minutes();
            e.attemptsAllowed = 1;
            e.multipleCorrectRule = p.rule();
            e.opensAt = p.opensAt();
            e.closesAt = p.closesAt();
            e.lateStartPolicy = p.late();
            e.resultsVisibleAt = p.resultsVisibleAt();
            e.state = ExamState.PUBLISHED;
            e.createdBy = teacher;
            e.createdAt = Arc.container().instance(TimeSource.class).get().now();
            e.deliveryMode = p.mode();
            if (p.mode() != DeliveryMode.REMOTE_PROCTORED) e.deliveryReason = "supervised on campus";
            e.persist();
            return e.id;
        });
    }

    /** The demo teacher admits the student (001 §5.30). */
    public static void admit(UUID examId, UUID studentId, String reason) {
        UUID teacher = UserRows.id("teacher");
        QuarkusTransaction.requiringNew().run(() -> {
            Admission a = new Admission();
            a.key = new Admission.ExamStudent(examId, studentId);
            a.admitted = true;
            a.source = Admission.Source.MANUAL;
            a.reason = reason;
            a.decidedBy = teacher;
            a.decidedAt = Instant.now();
            a.persist();
        });
    }

    /** The demo dean grants the student extra minutes (001 §5.8.2). */
    public static void accommodate(UUID examId, UUID studentId, int minutes, String basis) {
        UUID dean = UserRows.id("dean");
        QuarkusTransaction.requiringNew().run(() -> {
            Accommodation a = new Accommodation();
            a.key = new Admission.ExamStudent(examId, studentId);
            a.extraMinutes = minutes;
            a.basis = basis;
            a.approvedBy = dean;
            a.approvedAt = Instant.now();
            a.persist();
        });
    }

    /** Results are shown from {@code at}; null hides them. */
    public static void resultsVisibleAt(UUID examId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> Exam.<Exam>findById(examId).resultsVisibleAt = at);
    }

    public static void deliveryMode(UUID examId, DeliveryMode mode) {
        QuarkusTransaction.requiringNew().run(() -> Exam.<Exam>findById(examId).deliveryMode = mode);
    }

    public static String groupCode(UUID examId) {
        return QuarkusTransaction.requiringNew().call(() -> Exam.<Exam>findById(examId).groupCode);
    }

    public static Instant closesAt(UUID examId) {
        return QuarkusTransaction.requiringNew().call(() -> Exam.<Exam>findById(examId).closesAt);
    }
}
