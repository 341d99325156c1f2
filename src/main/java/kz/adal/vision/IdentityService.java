package kz.adal.vision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.exam.ExamCatalog;
import kz.adal.attempt.AttemptState;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

/**
 * Identity for exams (000 §4.5, §4.7; 003 §16): biometric consent, the reference face, the check
 * before the start and a proctor's decision by hand. Never a dead end: whatever the automatic check
 * cannot settle — mismatch, no face, several faces, no reference, absent models, refused biometrics —
 * goes to a proctor, who compares the frame with the reference photo or the student's ID document.
 */
@ApplicationScoped
public class IdentityService {
    /** What the UI and docs say about liveness with the current models (docs/vision.md). */
    public static final String LIVENESS = "not available";

    private final FaceEngine engine;
    private final VisionConfig config;
    private final AuditTrail audit;
    private final TimeSource time;
    private final AttemptWatch watch;

    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    IdentityService(FaceEngine engine, VisionConfig config, AuditTrail audit, TimeSource time, AttemptWatch watch, AttemptCatalog attempts,
                    ExamCatalog exams) {
        this.attempts = attempts;
        this.exams = exams;
        this.watch = watch;
        this.engine = engine;
        this.config = config;
        this.audit = audit;
        this.time = time;
    }

    // ---------------------------------------------------------------- consent and enrollment

    public record EnrollmentStatus(UUID studentId, String login, String fullName, String consent, boolean enrolled,
                                   String source, Instant enrolledAt, int revision, boolean modelsAvailable) {
    }

    /** Records the student's answer on biometrics; refusing removes any stored reference (000 §4.7). */
    @Transactional
    public EnrollmentStatus recordConsent(UUID studentId, boolean given, UUID recordedBy) {
        requireStudent(studentId);
        BiometricConsent c = BiometricConsent.findById(studentId);
        if (c == null) {
            c = new BiometricConsent();
            c.studentId = studentId;
        }
        c.given = given;
        c.recordedAt = time.now();
        c.recordedBy = recordedBy;
        c.persist();
        boolean removed = !given && FaceEnrollment.delete("studentId", studentId) > 0;
        EnrollmentStatus status = status(studentId);
        audit.record(Change.of(given ? "biometrics.consented" : "biometrics.refused", "student", studentId)
                .detail(Map.of("referenceRemoved", removed)));
        return status;
    }

    @Transactional
    public EnrollmentStatus status(UUID studentId) {
        Person s = requireStudent(studentId);
        BiometricConsent c = BiometricConsent.findById(studentId);
        FaceEnrollment e = FaceEnrollment.forStudent(studentId);
        return new EnrollmentStatus(studentId, s.login(), s.fullName(), c == null ? "NONE" : c.given ? "GIVEN" : "REFUSED",
                e != null, e == null ? null : e.source.name(), e == null ? null : e.enrolledAt, e == null ? 0 : e.revision,
                engine.available());
    }

    /** Every student with their enrollment status (the registrar's list). */
    @Transactional
    public List<EnrollmentStatus> statuses() {
        return People.withRole(Role.STUDENT).stream()
                .sorted(java.util.Comparator.comparing(Person::login)).map(u -> status(u.id())).toList();
    }

    /** The registrar uploads an ID-card photo: exactly one face, with consent given. Re-enrollment is audited. */
    @Transactional
    public EnrollmentStatus enrollFromPhoto(UUID studentId, byte[] photo, String contentType, UUID by) {
        requireStudent(studentId);
        requireConsent(studentId);
        float[] embedding = referenceFrom(photo);
        return store(studentId, FaceEnrollment.Source.ID_CARD, embedding, photo, contentType, by);
    }

    private void requireConsent(UUID studentId) {
        BiometricConsent c = BiometricConsent.findById(studentId);
        if (c == null || !c.given) {
            throw Problem.conflict("BIOMETRIC_CONSENT_MISSING",
                    "The student has not consented to biometrics: identity is checked by a proctor from an ID document (000 §4.7)");
        }
    }

    private float[] referenceFrom(byte[] photo) {
        if (!engine.available()) {
            throw Problem.conflict("VISION_UNAVAILABLE", "Face models are absent: " + engine.unavailableReason());
        }
        return referenceEmbedding(engine, photo);
    }

    /**
     * The reference embedding of an enrollment photo: exactly one face (the rule the registrar's upload
     * and a proctor's capture both meet). Static so that the accuracy measurement runs this very path.
     */
    static float[] referenceEmbedding(FaceEngine engine, byte[] photo) {
        try (FaceImage image = decode(photo)) {
            List<DetectedFace> faces = engine.detect(image);
            if (faces.size() != 1) {
                // an ID photo is often a tight crop, bigger than the detector's anchors (no box, or
                // spurious boxes on the one face): try it on a margin. The margin's one face counts only
                // if every box seen on the photo lies on it: a photo of two people stays refused even when
                // one of them is too small to be found on the margin.
                try (FaceImage padded = padded(image)) {
                    List<DetectedFace> onMargin = engine.detect(padded);
                    if (onMargin.size() == 1 && sameFace(faces, onMargin.get(0).box(), image)) {
                        return engine.embed(padded, onMargin.get(0));
                    }
                    if (faces.isEmpty()) faces = onMargin;
                }
            }
            if (faces.size() != 1) {
                throw Problem.unprocessable("ENROLL_FACE_COUNT", "The photo must show exactly one face; found " + faces.size(), List.of());
            }
            return engine.embed(image, faces.get(0));
        }
    }

    /** Do all boxes found on the photo have their centres inside the one face found on its margin? */
    static boolean sameFace(List<DetectedFace> onPhoto, FaceBox onMargin, FaceImage photo) {
        double dx = photo.width() / 2, dy = photo.height() / 2;   // the margin added by padded()
        FaceBox face = new FaceBox(onMargin.x() - dx, onMargin.y() - dy, onMargin.width(), onMargin.height());
        for (DetectedFace f : onPhoto) {
            double cx = f.box().x() + f.box().width() / 2, cy = f.box().y() + f.box().height() / 2;
            if (cx < face.x() || cx > face.right() || cy < face.y() || cy > face.bottom()) return false;
        }
        return true;
    }

    static FaceImage padded(FaceImage image) {
        try (Mat canvas = new Mat()) {
            int px = image.width() / 2;
            int py = image.height() / 2;
            copyMakeBorder(image.mat(), canvas, py, py, px, px, BORDER_CONSTANT, new Scalar(127, 127, 127, 0));
            return FaceImage.of(canvas);
        }
    }

    private static FaceImage decode(byte[] bytes) {
        try {
            return FaceImage.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("IMAGE_UNREADABLE", "Not a readable JPEG or PNG image");
        }
    }

    private EnrollmentStatus store(UUID studentId, FaceEnrollment.Source source, float[] embedding, byte[] photo, String type, UUID by) {
        FaceEnrollment e = FaceEnrollment.forStudent(studentId);
        boolean again = e != null;
        if (e == null) {
            e = new FaceEnrollment();
            e.studentId = studentId;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", source.name());
        if (again) {
            detail.put("previousSource", e.source.name());
            detail.put("previousRevision", e.revision);
        }
        e.source = source;
        e.embedding = FaceEnrollment.pack(embedding);
        e.photo = photo;
        e.photoType = type == null || type.isBlank() ? "image/jpeg" : type;
        e.enrolledAt = time.now();
        e.enrolledBy = by;
        e.revision = e.revision + 1;
        e.persist();
        detail.put("revision", e.revision);
        EnrollmentStatus status = status(studentId);
        audit.record(Change.of(again ? "face.re-enrolled" : "face.enrolled", "student", studentId).detail(detail));
        return status;
    }

    @Transactional
    public FaceEnrollment enrollment(UUID studentId) {
        FaceEnrollment e = FaceEnrollment.forStudent(studentId);
        if (e == null) throw Problem.notFound("Reference photo");
        return e;
    }

    private static Person requireStudent(UUID studentId) {
        Person s = People.find(studentId).orElse(null);
        if (s == null || !s.roles().contains(Role.STUDENT)) throw Problem.notFound("Student");
        return s;
    }

    // ---------------------------------------------------------------- the check before the start

    public record CheckView(UUID id, UUID attemptId, String status, String reason, Double similarity, Integer faceCount,
                            String liveness, Instant createdAt, String decisionNote) {
        static CheckView of(IdentityCheck c) {
            return c == null ? null : new CheckView(c.id, c.attemptId, c.status.name(), c.reason == null ? null : c.reason.name(),
                    c.similarity, c.faceCount, LIVENESS, c.createdAt, c.decisionNote);
        }
    }

    /**
     * The student shows their face before the start: exactly one face that matches the reference
     * passes; anything else waits for a proctor. A check already passed or approved stays.
     */
    @Transactional
    public CheckView submitFrame(UUID attemptId, UUID studentId, byte[] jpeg) {
        AttemptCatalog.AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !a.studentId().equals(studentId)) throw Problem.notFound("Attempt");
        if (a.state() != AttemptState.CHECKS && a.state() != AttemptState.NOT_STARTED) {
            throw Problem.conflict("ATTEMPT_ALREADY_STARTED", "The identity check is done before the start");
        }
        if (jpeg == null || jpeg.length == 0) throw Problem.badRequest("IMAGE_UNREADABLE", "No frame was sent");
        IdentityCheck current = IdentityCheck.latest(attemptId);
        if (current != null && current.status.lets()) return CheckView.of(current);
        if (current != null) current.status = IdentityChecks.Status.SUPERSEDED;

        IdentityCheck c = new IdentityCheck();
        c.attemptId = attemptId;
        c.examId = a.examId();
        c.studentId = studentId;
        c.frame = jpeg;
        c.createdAt = time.now();
        judge(c, studentId, jpeg);
        c.persist();
        CheckView view = CheckView.of(c);
        audit.record(Change.of("identity.checked", "attempt", attemptId).scope(a.examId()).detail(Map.of(
                "status", c.status.name(), "reason", c.reason == null ? "" : c.reason.name(),
                "similarity", c.similarity == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", c.similarity))));
        return view;
    }

    private void judge(IdentityCheck c, UUID studentId, byte[] jpeg) {
        BiometricConsent consent = BiometricConsent.findById(studentId);
        FaceEnrollment ref = FaceEnrollment.forStudent(studentId);
        IdentityDecision.Result r = IdentityDecision.judge(engine, config.matchThreshold(),
                consent == null ? null : consent.given, ref == null ? null : ref.reference(), jpeg);
        c.status = r.status();
        c.reason = r.reason();
        c.similarity = r.similarity();
        c.faceCount = r.faceCount();
    }

    /** The attempt's current identity check (the student's page polls it while a proctor decides). */
    @Transactional
    public CheckView current(UUID attemptId, UUID studentId) {
        AttemptCatalog.AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !a.studentId().equals(studentId)) throw Problem.notFound("Attempt");
        return CheckView.of(IdentityCheck.latest(attemptId));
    }

    /** Whether the attempt's identity is settled (passed or approved) — the gate's question. */
    @Transactional
    public IdentityCheck latest(UUID attemptId) {
        return IdentityCheck.latest(attemptId);
    }

    // ---------------------------------------------------------------- the proctor's queue

    public record QueueItem(UUID id, UUID attemptId, UUID examId, String examTitle, UUID studentId, String studentLogin,
                            String studentName, String status, String reason, Double similarity, Integer faceCount,
                            boolean hasReference, String consent, Instant createdAt) {
    }

    /** The checks waiting for this proctor: only of the attempts they watch (assigned to it or its exam). */
    @Transactional
    public List<QueueItem> pending(UUID proctorId) {
        return IdentityCheck.<IdentityCheck>list("status = ?1 order by createdAt", IdentityChecks.Status.PENDING).stream()
                .filter(c -> watch.watches(proctorId, c.attemptId)).map(c -> {
            Person s = People.find(c.studentId).orElse(null);
            ExamCatalog.ExamRecord e = exams.find(c.examId).orElse(null);
            BiometricConsent consent = BiometricConsent.findById(c.studentId);
            return new QueueItem(c.id, c.attemptId, c.examId, e == null ? null : e.title(), c.studentId, s == null ? null : s.login(),
                    s == null ? null : s.fullName(), c.status.name(), c.reason == null ? null : c.reason.name(), c.similarity, c.faceCount,
                    FaceEnrollment.count("studentId", c.studentId) > 0, consent == null ? "NONE" : consent.given ? "GIVEN" : "REFUSED",
                    c.createdAt);
        }).toList();
    }

    /** A check of an attempt this proctor watches; any other is answered like a missing one. */
    @Transactional
    public IdentityCheck check(UUID checkId, UUID proctorId) {
        IdentityCheck c = IdentityCheck.findById(checkId);
        if (c == null || !watch.watches(proctorId, c.attemptId)) throw Problem.notFound("Identity check");
        return c;
    }

    /**
     * A proctor approves or denies by hand, with a reason (audited). On approval the proctor may make
     * this capture the student's reference — only with the student's consent and one face in it.
     */
    @Transactional
    public CheckView decide(UUID checkId, boolean approve, String note, boolean enrollCapture, UUID proctorId) {
        if (note == null || note.isBlank()) throw Problem.badRequest("REASON_REQUIRED", "Say why you approve or deny");
        IdentityCheck c = check(checkId, proctorId);
        if (c.status != IdentityChecks.Status.PENDING) {
            throw Problem.conflict("IDENTITY_ALREADY_DECIDED", "This check is " + c.status.name().toLowerCase(java.util.Locale.ROOT));
        }
        c.status = approve ? IdentityChecks.Status.APPROVED : IdentityChecks.Status.DENIED;
        c.decidedBy = proctorId;
        c.decidedAt = time.now();
        c.decisionNote = note.strip();
        CheckView view = CheckView.of(c);
        if (approve && enrollCapture) {
            requireConsent(c.studentId);
            store(c.studentId, FaceEnrollment.Source.PROCTOR_CAPTURE, referenceFrom(c.frame), c.frame, "image/jpeg", proctorId);
        }
        audit.record(Change.of(approve ? "identity.approved" : "identity.denied", "attempt", c.attemptId).scope(c.examId)
                .detail(Map.of("check", c.id.toString(), "reason", c.reason == null ? "" : c.reason.name(), "note", c.decisionNote,
                        "enrolled", approve && enrollCapture)));
        return view;
    }
}
