package kz.adal.oral;

import kz.adal.oral.room.OralRoomBus;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.Actor;
import kz.adal.media.RecordingService;
import kz.adal.media.TrackKind;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recording the oral turn through the media pipeline (issue 8; 001 §6.15 "the whole sitting is recorded"):
 * the student's page records camera + microphone with {@code recorder.js} into chunks stored, finalised and
 * played back by {@code kz.adal.media} with the turn as owner ({@link OralTurnRecordingOwner}).
 *
 * <p>The student is told first: the page shows the notice and the student acknowledges it
 * ({@link #acknowledgeNotice}); that moment is kept on the turn, in the sitting's events and in the audit trail,
 * and printed in the protocol. Chunks are refused before it (409 {@code ORAL_RECORDING_NOTICE_FIRST}). The
 * recording runs from the acknowledgement until the answer ends (or a technical failure); media takes late
 * chunks for the upload grace, then finalises. Only the turn's student uploads: anyone else's upload is answered
 * like a missing turn (404), as for attempts.
 */
@ApplicationScoped
public class OralRecordingService {

    /** What the student's page needs: whether to record now, the notice, and media's recorder plan. */
    public record Plan(UUID turnId, UUID sittingId, String stage, Instant noticeAt, boolean record, Instant endedAt,
                       RecordingService.OwnedPlan media) {
    }

    private final RecordingService recordings;
    private final AuditTrail audit;
    private final TimeSource time;
    private final OralRoomBus bus;
    private final OralSittings sittings;
    private final OralRoomQueries rooms;
    private final jakarta.transaction.TransactionSynchronizationRegistry tx;

    private final kz.adal.platform.Links links;

    OralRecordingService(RecordingService recordings, AuditTrail audit, TimeSource time, OralRoomBus bus, OralSittings sittings,
                         OralRoomQueries rooms, jakarta.transaction.TransactionSynchronizationRegistry tx, kz.adal.platform.Links links) {
        this.rooms = rooms;
        this.links = links;
        this.tx = tx;
        this.recordings = recordings;
        this.audit = audit;
        this.time = time;
        this.bus = bus;
        this.sittings = sittings;
    }

    @Transactional
    public Plan plan(Actor actor, UUID turnId) {
        OralTurn t = ownTurn(actor, turnId);
        Instant ended = OralTurnRecordingOwner.recordingEnd(t);
        boolean record = t.recordingNoticeAt != null && ended == null && !t.stage.isFinished() && t.stage != TurnStage.GRADING;
        return new Plan(t.id, t.sittingId, t.stage.name(), t.recordingNoticeAt, record, ended,
                recordings.ownedPlan(OralTurnRecordingOwner.KIND, t.id));
    }

    /** The student was told that the sitting is recorded and acknowledged it. Idempotent: the first time counts. */
    @Transactional
    public Plan acknowledgeNotice(Actor actor, UUID turnId) {
        OralTurn t = ownTurn(actor, turnId);
        if (t.recordingNoticeAt == null) {
            if (OralTurnRecordingOwner.recordingEnd(t) != null || t.stage.isFinished()) {
                throw Problem.conflict("ORAL_RECORDING_OVER", "This turn is over; nothing more is recorded");
            }
            t.recordingNoticeAt = time.now();
            OralEvent e = new OralEvent();
            e.sittingId = t.sittingId;
            e.turnId = t.id;
            e.at = t.recordingNoticeAt;
            e.kind = "recording.notice";
            e.actorLogin = actor.login();
            e.detail = "the student was told that camera and microphone are recorded and acknowledged it";
            e.persist();
            audit.record(Change.of("oral.recording.notice", "oral_turn", t.id).scope(t.sittingId)
                    .detail(Map.of("student", t.studentId.toString())));
            afterCommitChanged(t.sittingId);
        }
        return plan(actor, turnId);
    }

    /** One chunk of the student's camera: checked here (owner, notice), stored exactly once by media. */
    public RecordingService.ChunkAck chunk(Actor actor, UUID turnId, TrackKind kind, int segment, int seq, byte[] body,
                                           Instant clientStart, Instant clientEnd) {
        QuarkusTransaction.requiringNew().run(() -> requireRecording(actor, turnId, kind));
        return recordings.acceptOwned(OralTurnRecordingOwner.KIND, turnId, kind, segment, seq, body, clientStart, clientEnd);
    }

    public void interruption(Actor actor, UUID turnId, TrackKind kind, RecordingService.InterruptionRequest req) {
        QuarkusTransaction.requiringNew().run(() -> requireRecording(actor, turnId, kind));
        recordings.interruptedOwned(OralTurnRecordingOwner.KIND, turnId, kind, req);
    }

    /**
     * When Jitsi is configured its room may be recorded by Jibri (stored by the Jitsi installation, not here):
     * the technical secretary keeps the link to that recording with the sitting; the protocol prints it.
     */
    @Transactional
    public String jitsiRecording(Actor actor, UUID sittingId, String url) {
        OralSitting s = OralSitting.findById(sittingId);
        if (s == null) throw Problem.notFound("Sitting");
        if (!rooms.rolesIn(sittingId, actor.id()).contains(SittingRole.SECRETARY)) {
            throw Problem.forbidden("Only the technical secretary keeps the room recording's link");
        }
        Person me = People.find(actor.id()).orElse(null);
        String safe = links.optional(url, "ORAL_RECORDING_URL_INVALID", "url", me == null ? "kk" : me.uiLanguage());
        if (safe == null) throw Problem.badRequest("ORAL_RECORDING_URL_INVALID", "Send the recording's https address").with("field", "url");
        s.jitsiRecordingUrl = safe;
        OralEvent e = new OralEvent();
        e.sittingId = s.id;
        e.at = time.now();
        e.kind = "recording.jitsi";
        e.actorLogin = actor.login();
        e.detail = s.jitsiRecordingUrl;
        e.persist();
        audit.record(Change.of("oral.recording.jitsi", "oral_sitting", s.id).scope(s.id).detail(Map.of("url", s.jitsiRecordingUrl)));
        return s.jitsiRecordingUrl;
    }

    /** The recording of each turn of a sitting, for the protocol. */
    @Transactional
    public List<RecordingService.TrackSummary> tracks(UUID turnId) {
        return recordings.summaries(OralTurnRecordingOwner.KIND, turnId);
    }

    private void requireRecording(Actor actor, UUID turnId, TrackKind kind) {
        OralTurn t = ownTurn(actor, turnId);
        if (kind != TrackKind.CAMERA) {
            throw Problem.badRequest("TRACK_KIND_INVALID", "The oral exam records the camera (with the microphone) only");
        }
        if (t.recordingNoticeAt == null) {
            throw Problem.conflict("ORAL_RECORDING_NOTICE_FIRST", "Acknowledge the recording notice first");
        }
    }

    /** The caller's own turn; another person's is answered like a missing one. */
    private static OralTurn ownTurn(Actor actor, UUID turnId) {
        OralTurn t = OralTurn.findById(turnId);
        if (t == null || !t.studentId.equals(actor.id())) throw Problem.notFound("Turn");
        return t;
    }

    /** Every socket of the sitting re-reads its state once this transaction has committed. */
    private void afterCommitChanged(UUID sittingId) {
        String json = sittings.toJson(Map.of("type", "changed", "sittingId", sittingId, "reason", "recording"));
        kz.adal.platform.AfterCommit.run(tx, () -> bus.publish(sittingId, json));
    }
}
