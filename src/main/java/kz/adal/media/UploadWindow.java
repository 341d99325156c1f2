package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptState;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose a recording is and while it takes uploads: the rules the chunk upload ({@link RecordingService},
 * {@link DirectUploads}), the interruption reports ({@link InterruptionReports}) and the browser's plan
 * ({@link RecordingPlans}) share, so that each refuses a stranger and a closed recording with the same code.
 */
@ApplicationScoped
class UploadWindow {
    private final MediaConfig config;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    UploadWindow(MediaConfig config, AttemptCatalog attempts, ExamCatalog exams) {
        this.config = config;
        this.attempts = attempts;
        this.exams = exams;
    }

    /** Another student's attempt is answered exactly like a missing one. */
    AttemptRecord ownedAttempt(UUID attemptId, UUID studentId) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !a.studentId().equals(studentId)) throw Problem.notFound("Attempt");
        return a;
    }

    /**
     * Uploads are taken while the attempt is in progress or suspended, and for {@link MediaConfig#uploadGrace()}
     * after it finished, so the browser can flush what it queued.
     */
    void requireUploadWindow(AttemptRecord a, Instant now) {
        ExamRecord exam = exams.find(a.examId()).orElse(null);
        if (exam == null || !exam.proctored()) {
            throw Problem.conflict("RECORDING_NOT_REQUIRED", "This exam is not proctored: nothing is recorded");
        }
        if (a.state() == AttemptState.IN_PROGRESS || a.state() == AttemptState.SUSPENDED) return;
        if (!a.state().isFinished() || a.finishedAt() == null) {
            throw Problem.conflict("RECORDING_NOT_STARTED", "The attempt has not started; recording begins with the exam");
        }
        if (now.isAfter(a.finishedAt().plus(config.uploadGrace()))) {
            throw new Problem(409, "RECORDING_CLOSED", "The attempt finished at " + a.finishedAt()
                    + " and its recording is closed", List.of(Map.of("finishedAt", a.finishedAt().toString())));
        }
    }

    /** Chunks are taken until the owner's recording ended plus the upload grace. */
    void requireOwnerWindow(RecordingOwner owner, UUID ownerId, Instant now) {
        if (owner.auditScope(ownerId) == null) throw Problem.notFound("Recording owner");
        Optional<Instant> ended = owner.endedAt(ownerId);
        if (ended.isPresent() && now.isAfter(ended.get().plus(config.uploadGrace()))) {
            throw new Problem(409, "RECORDING_CLOSED", "The recording ended at " + ended.get() + " and is closed",
                    List.of(Map.of("endedAt", ended.get().toString())));
        }
    }
}
