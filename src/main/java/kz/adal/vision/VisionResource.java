package kz.adal.vision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.List;
import java.util.UUID;

/** Enrollment (registrar), the identity check (student), the proctor's queue and face-check flags. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class VisionResource {
    private static final String[] IMAGES = {"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM};

    private final IdentityService identity;
    private final FaceCheckService faceChecks;
    private final CurrentUser user;
    private final TimeSource time;
    private final IdentityGate gate;
    private final FaceEngine engine;
    private final AttemptWatch watch;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    VisionResource(IdentityService identity, FaceCheckService faceChecks, CurrentUser user, TimeSource time, IdentityGate gate,
                   FaceEngine engine, AttemptWatch watch, AttemptCatalog attempts, ExamCatalog exams) {
        this.attempts = attempts;
        this.exams = exams;
        this.watch = watch;
        this.gate = gate;
        this.engine = engine;
        this.identity = identity;
        this.faceChecks = faceChecks;
        this.user = user;
        this.time = time;
    }

    public record ConsentRequest(Boolean given) {
    }

    public record DecisionRequest(Boolean approve, String reason, Boolean enroll) {
    }

    // ---------------------------------------------------------------- enrollment

    @GET
    @Path("/vision/enrollments")
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.SYSTEM_ADMIN})
    public List<IdentityService.EnrollmentStatus> enrollments() {
        return identity.statuses();
    }

    @GET
    @Path("/vision/enrollments/{studentId}")
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.SYSTEM_ADMIN, Role.Names.PROCTOR, Role.Names.STUDENT})
    public IdentityService.EnrollmentStatus enrollment(@PathParam("studentId") UUID studentId) {
        requireProctorWatchesStudent(studentId);
        return identity.status(studentId);
    }

    /** The student answers for themselves; the registrar records a consent given on paper. */
    @PUT
    @Path("/vision/enrollments/{studentId}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.STUDENT})
    public IdentityService.EnrollmentStatus consent(@PathParam("studentId") UUID studentId, ConsentRequest body) {
        user.requireSelfOr(studentId, Role.REGISTRAR);
        if (body == null || body.given() == null) throw Problem.badRequest("CONSENT_REQUIRED", "Say whether consent is given");
        return identity.recordConsent(studentId, body.given(), user.id());
    }

    @PUT
    @Path("/vision/enrollments/{studentId}/photo")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Role.Names.REGISTRAR)
    public IdentityService.EnrollmentStatus upload(@PathParam("studentId") UUID studentId, @HeaderParam("Content-Type") String type, byte[] photo) {
        return identity.enrollFromPhoto(studentId, photo, type, user.id());
    }

    @GET
    @Path("/vision/enrollments/{studentId}/photo")
    @Produces({"image/jpeg", "image/png"})
    @RolesAllowed({Role.Names.REGISTRAR, Role.Names.PROCTOR, Role.Names.SYSTEM_ADMIN})
    public Response photo(@PathParam("studentId") UUID studentId) {
        requireProctorWatchesStudent(studentId);
        FaceEnrollment e = identity.enrollment(studentId);
        return Response.ok(e.photo, e.photoType).header("Cache-Control", "no-store").build();
    }

    // ---------------------------------------------------------------- the check before the start

    public record GateInfo(boolean required, boolean modelsAvailable, String liveness) {
    }

    /** Whether the student's check page must run the identity check for this exam. */
    @GET
    @Path("/vision/gate")
    @RolesAllowed(Role.Names.STUDENT)
    public GateInfo gate(@jakarta.ws.rs.QueryParam("exam") UUID examId) {
        if (examId == null) throw Problem.badRequest("EXAM_REQUIRED", "Say which exam");
        ExamCatalog.ExamRecord e = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> exams.find(examId).orElse(null));
        if (e == null) throw Problem.notFound("Exam");
        return new GateInfo(gate.applies(examId, e.proctored()), engine.available(), IdentityService.LIVENESS);
    }

    @POST
    @Path("/attempts/{id}/identity-check")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Role.Names.STUDENT)
    public IdentityService.CheckView submit(@PathParam("id") UUID attemptId, byte[] frame) {
        return identity.submitFrame(attemptId, user.id(), frame);
    }

    @GET
    @Path("/attempts/{id}/identity-check")
    @RolesAllowed(Role.Names.STUDENT)
    public IdentityService.CheckView current(@PathParam("id") UUID attemptId) {
        return identity.current(attemptId, user.id());
    }

    // ---------------------------------------------------------------- the proctor's queue

    @GET
    @Path("/proctor/identity-checks")
    @RolesAllowed(Role.Names.PROCTOR)
    public List<IdentityService.QueueItem> queue() {
        return identity.pending(user.id());
    }

    @GET
    @Path("/proctor/identity-checks/{id}/frame")
    @Produces("image/jpeg")
    @RolesAllowed(Role.Names.PROCTOR)
    public Response frame(@PathParam("id") UUID checkId) {
        IdentityCheck c = identity.check(checkId, user.id());
        if (c.frame == null) throw Problem.notFound("Frame");
        return Response.ok(c.frame, "image/jpeg").header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/proctor/identity-checks/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PROCTOR)
    public IdentityService.CheckView decide(@PathParam("id") UUID checkId, DecisionRequest body) {
        if (body == null || body.approve() == null) throw Problem.badRequest("DECISION_REQUIRED", "Approve or deny");
        return identity.decide(checkId, body.approve(), body.reason(), Boolean.TRUE.equals(body.enroll()), user.id());
    }

    // ---------------------------------------------------------------- continuous face checks

    /** A snapshot from the student's camera during the attempt (the live proctoring stream will call the service directly). */
    @POST
    @Path("/attempts/{id}/snapshots/face-check")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Role.Names.STUDENT, Role.Names.PROCTOR})
    public FaceCheckResult snapshot(@PathParam("id") UUID attemptId, byte[] frame) {
        requireAttemptOwnerOrWatcher(attemptId);
        SnapshotVerdict v = faceChecks.analyseSnapshot(attemptId, frame, time.now());
        return new FaceCheckResult(v.outcome().name(), v.faceCount(), v.similarity());
    }

    public record FaceCheckResult(String outcome, int faces, Double similarity) {
    }

    @GET
    @Path("/attempts/{id}/face-checks")
    @RolesAllowed({Role.Names.PROCTOR, Role.Names.REVIEWER, Role.Names.SYSTEM_ADMIN})
    public List<FaceCheckService.FaceCheckView> faceChecks(@PathParam("id") UUID attemptId) {
        requireEvidenceReader(attemptId);
        return faceChecks.checks(attemptId);
    }

    @GET
    @Path("/face-checks/{id}/frame")
    @Produces("image/jpeg")
    @RolesAllowed({Role.Names.PROCTOR, Role.Names.REVIEWER, Role.Names.SYSTEM_ADMIN})
    public Response faceCheckFrame(@PathParam("id") UUID id) {
        FaceCheck c = faceChecks.check(id);
        requireEvidenceReader(c.attemptId);
        if (c.frame == null) throw Problem.notFound("Frame");
        return Response.ok(c.frame, "image/jpeg").header("Cache-Control", "no-store").build();
    }

    /** The attempt's own student, or a proctor who watches it; to anyone else it does not exist. */
    private void requireAttemptOwnerOrWatcher(UUID attemptId) {
        AttemptCatalog.AttemptRecord a = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> attempts.find(attemptId).orElse(null));
        if (a == null) throw Problem.notFound("Attempt");
        if (a.studentId().equals(user.id())) return;
        if (user.has(Role.PROCTOR) && watch.watches(user.id(), attemptId)) return;
        throw Problem.notFound("Attempt");
    }

    /**
     * Face evidence is read by the review (standing reviewers, the administrator) and by the proctors who
     * watch the attempt; a proctor of another exam gets 404.
     */
    private void requireEvidenceReader(UUID attemptId) {
        if (user.has(Role.REVIEWER) || user.has(Role.SYSTEM_ADMIN)) return;
        if (!watch.watches(user.id(), attemptId)) throw Problem.notFound("Attempt");
    }

    /** A proctor sees a student's enrollment and reference photo only while watching one of their attempts. */
    private void requireProctorWatchesStudent(UUID studentId) {
        if (user.has(Role.REGISTRAR) || user.has(Role.SYSTEM_ADMIN) || studentId.equals(user.id())) return;
        if (!watch.watchesStudent(user.id(), studentId)) throw Problem.notFound("Student");
    }
}
