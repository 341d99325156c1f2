package kz.adal.media.consent;

import kz.adal.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.media.MediaEvents.RecordingConsentRefused;
import kz.adal.media.consent.RecordingConsent.Decision;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Consent to recording before a proctored exam. The student is told what is recorded, why (002 §1.15:
 * the digital footprint serves the analysis and improvement of learning; 003 §16 and 001 §5.17.2: the
 * whole exam is recorded) and for how long (the retention period), acknowledges the conduct rules of
 * online sessions (001 §6.13) and decides (Law No. 94-V). A refusal is recorded, the exam's teacher and
 * the deans are told, and the student is shown the institution's alternative sitting; the attempt is
 * left as it is — never an automatic fail.
 */
@ApplicationScoped
public class ConsentService {

    /** What the student reads and decides on. Texts are i18n keys on the page; the server gives the facts. */
    public record ConsentView(UUID examId, String examTitle, boolean proctored, boolean required, List<String> recorded,
                              String retention, long retentionDays, String noticeVersion, String alternativeSitting,
                              String decision, Instant decidedAt, boolean rulesAcknowledged) {
    }

    public record ConsentRequest(String decision, Boolean rulesAcknowledged, String noticeVersion) {
    }

    public record NotificationView(UUID id, String topic, UUID examId, UUID studentId, String message, Instant createdAt,
                                   Instant readAt) {
    }

    private final MediaConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final Event<RecordingConsentRefused> refused;

    private final ExamCatalog exams;

    ConsentService(MediaConfig config, TimeSource time, AuditTrail audit, Event<RecordingConsentRefused> refused, ExamCatalog exams) {
        this.exams = exams;
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.refused = refused;
    }

    @Transactional
    public ConsentView view(UUID examId, UUID studentId) {
        ExamRecord exam = requireStudentExam(examId, studentId);
        return view(exam, RecordingConsent.latest(examId, studentId));
    }

    /** Records a decision; a refusal tells the teacher and the deans and never touches the attempt. */
    @Transactional
    public ConsentView decide(UUID examId, UUID studentId, ConsentRequest req) {
        ExamRecord exam = requireStudentExam(examId, studentId);
        if (req == null || req.decision() == null) throw Problem.badRequest("CONSENT_DECISION_MISSING", "Send decision GRANTED or REFUSED");
        Decision decision;
        try {
            decision = Decision.valueOf(req.decision());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("CONSENT_DECISION_INVALID", "decision must be GRANTED or REFUSED");
        }
        boolean rules = Boolean.TRUE.equals(req.rulesAcknowledged());
        if (decision == Decision.GRANTED && !rules) {
            // 001 §6.13: the conduct rules are acknowledged together with the consent
            throw Problem.badRequest("CONSENT_RULES_NOT_ACKNOWLEDGED", "Acknowledge the rules of conduct (001 §6.13) to give consent");
        }
        if (req.noticeVersion() != null && !req.noticeVersion().equals(config.consent().noticeVersion())) {
            throw Problem.conflict("CONSENT_NOTICE_CHANGED", "The notice changed; read it again");
        }
        Instant now = time.now().truncatedTo(ChronoUnit.MILLIS);
        RecordingConsent c = new RecordingConsent();
        c.examId = examId;
        c.studentId = studentId;
        c.decision = decision;
        c.rulesAcknowledged = rules;
        c.noticeVersion = config.consent().noticeVersion();
        c.retention = config.retention();
        c.decidedAt = now;
        c.persist();
        audit.record(Change.of(decision == Decision.GRANTED ? "recording.consent.granted" : "recording.consent.refused", "exam", examId)
                .scope(examId).detail(Map.of("student", studentId.toString(), "noticeVersion", c.noticeVersion,
                        "retention", c.retention, "rulesAcknowledged", rules)));
        if (decision == Decision.REFUSED) notifyRefusal(exam, studentId, now);
        return view(exam, c);
    }

    private void notifyRefusal(ExamRecord exam, UUID studentId, Instant now) {
        Person student = People.find(studentId).orElse(null);
        String who = student == null ? studentId.toString() : student.fullName() + " (" + student.login() + ", " + student.groupCode() + ")";
        String message = who + " refused video recording for \"" + exam.title() + "\" and is offered the alternative sitting. "
                + "The attempt was not failed (Law No. 94-V; consent is voluntary).";
        Set<UUID> recipients = new LinkedHashSet<>();
        if (exam.createdBy() != null) recipients.add(exam.createdBy());
        People.withRole(Role.DEAN).forEach(u -> recipients.add(u.id()));
        for (UUID r : recipients) {
            MediaNotification n = new MediaNotification();
            n.recipientId = r;
            n.topic = "recording.consent.refused";
            n.examId = exam.id();
            n.studentId = studentId;
            n.message = message;
            n.createdAt = now;
            n.persist();
        }
        refused.fire(new RecordingConsentRefused(exam.id(), studentId, now));
    }

    /** The latest decision's verdict for the start gate. */
    @Transactional
    public Decision decisionFor(UUID examId, UUID studentId) {
        RecordingConsent c = RecordingConsent.latest(examId, studentId);
        if (c == null) return null;
        // a consent to an older notice does not cover a changed one; a refusal stands until revised
        if (c.decision == Decision.GRANTED && !c.noticeVersion.equals(config.consent().noticeVersion())) return null;
        return c.decision;
    }

    boolean required() {
        return config.consent().required();
    }

    String alternativeSitting() {
        return config.consent().alternativeSitting();
    }

    @Transactional
    public List<NotificationView> notifications(UUID recipientId) {
        return MediaNotification.<MediaNotification>list("recipientId = ?1 order by createdAt desc", recipientId).stream()
                .map(n -> new NotificationView(n.id, n.topic, n.examId, n.studentId, n.message, n.createdAt, n.readAt)).toList();
    }

    private ConsentView view(ExamRecord exam, RecordingConsent c) {
        return new ConsentView(exam.id(), exam.title(), exam.proctored(), exam.proctored() && config.consent().required(),
                List.of("CAMERA", "MICROPHONE", "SCREEN"), config.retention(), config.retentionDuration().toDays(),
                config.consent().noticeVersion(), config.consent().alternativeSitting(),
                c == null ? null : c.decision.name(), c == null ? null : c.decidedAt, c != null && c.rulesAcknowledged);
    }

    /** The exam exists, is published, and is for the student's group or the student is admitted to it. */
    private ExamRecord requireStudentExam(UUID examId, UUID studentId) {
        ExamRecord exam = exams.find(examId).orElse(null);
        Person student = People.find(studentId).orElse(null);
        if (exam == null || !exam.published() || student == null
                || !(exam.groupCode().equals(student.groupCode()) || exams.hasAdmission(examId, studentId))) {
            throw Problem.notFound("Exam");
        }
        return exam;
    }
}
