package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.media.MediaEvents.RecordingInterrupted;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The browser's reports that a recording stopped or resumed ({@link RecordingInterruption} rows), for attempts and
 * for recordings other features own; {@link RecordingService} is the door other features and the API call.
 */
@ApplicationScoped
class InterruptionReports {
    private static final Set<String> REASONS = Set.of("ENDED", "DENIED", "RECORDER_ERROR", "STORAGE_FULL", "RESUMED");

    private final UploadWindow window;
    private final RecordingOwners owners;
    private final TimeSource time;
    private final AuditTrail audit;
    private final Event<RecordingInterrupted> interrupted;

    InterruptionReports(UploadWindow window, RecordingOwners owners, TimeSource time, AuditTrail audit,
                        Event<RecordingInterrupted> interrupted) {
        this.window = window;
        this.owners = owners;
        this.time = time;
        this.audit = audit;
        this.interrupted = interrupted;
    }

    /**
     * The browser reports that a recording stopped (track ended, permission withdrawn, recorder error, storage
     * full) or resumed. Recorded, audited, and fired as {@link RecordingInterrupted} for proctoring's flags.
     */
    @Transactional
    void interrupted(UUID attemptId, UUID studentId, TrackKind kind, RecordingService.InterruptionRequest req) {
        AttemptRecord a = window.ownedAttempt(attemptId, studentId);  // the owner check before the input check
        if (req == null || req.reason() == null || !REASONS.contains(req.reason())) {
            throw Problem.badRequest("INTERRUPTION_REASON_INVALID", "reason must be one of " + REASONS);
        }
        Instant now = now();
        window.requireUploadWindow(a, now);
        RecordingInterruption r = new RecordingInterruption();
        r.attemptId = attemptId;
        r.kind = kind;
        r.reason = req.reason();
        r.detail = req.detail() == null ? null : req.detail().substring(0, Math.min(500, req.detail().length()));
        r.clientAt = req.clientAt();
        r.receivedAt = now;
        r.persist();
        audit.record(Change.of("recording." + ("RESUMED".equals(req.reason()) ? "resumed" : "interrupted"), "attempt", attemptId)
                .scope(a.examId()).detail(Map.of("kind", kind.name(), "reason", req.reason())));
        // fired for RESUMED too, so that proctoring can close the flag it opened
        interrupted.fire(new RecordingInterrupted(attemptId, kind, req.reason(), r.detail, now));
    }

    /**
     * An interruption of a recording owned by another feature: recorded and audited (scope = the owner's audit
     * scope); not fired as {@link RecordingInterrupted}, which is about attempts.
     */
    @Transactional
    void interruptedOwned(String ownerKind, UUID ownerId, TrackKind kind, RecordingService.InterruptionRequest req) {
        if (req == null || req.reason() == null || !REASONS.contains(req.reason())) {
            throw Problem.badRequest("INTERRUPTION_REASON_INVALID", "reason must be one of " + REASONS);
        }
        RecordingOwner owner = owners.require(ownerKind);
        Instant now = now();
        window.requireOwnerWindow(owner, ownerId, now);
        RecordingInterruption r = new RecordingInterruption();
        r.ownerKind = ownerKind;
        r.ownerId = ownerId;
        r.kind = kind;
        r.reason = req.reason();
        r.detail = req.detail() == null ? null : req.detail().substring(0, Math.min(500, req.detail().length()));
        r.clientAt = req.clientAt();
        r.receivedAt = now;
        r.persist();
        audit.record(Change.of("recording." + ("RESUMED".equals(req.reason()) ? "resumed" : "interrupted"), ownerKind.toLowerCase(java.util.Locale.ROOT), ownerId)
                .scope(owner.auditScope(ownerId)).detail(Map.of("kind", kind.name(), "reason", req.reason())));
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
