package kz.adal.media.playback;

import kz.adal.identity.Actor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.media.MediaConfig;
import kz.adal.media.PlaybackLedger;
import kz.adal.media.PlaybackLedger.Interruption;
import kz.adal.media.PlaybackLedger.Track;
import kz.adal.media.RecordingAccessPolicy;
import kz.adal.media.RecordingAccessPolicy.Subject;
import kz.adal.media.RecordingGap;
import kz.adal.media.RecordingOwner;
import kz.adal.media.RecordingOwners;
import kz.adal.media.RecordingStorage;
import kz.adal.media.TrackAlignment;
import kz.adal.media.TrackId;
import kz.adal.media.TrackKind;
import kz.adal.media.TrackState;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Playback of recordings for review and appeal. Every access is checked against every
 * {@link RecordingAccessPolicy} (any may grant) and audited, granted or not: the listing of an attempt's
 * recordings, each playback ticket (one viewing of one track: the video element's many range requests use it),
 * and each direct download with the bearer token.
 */
@ApplicationScoped
public class PlaybackService {

    public record TrackView(TrackKind kind, String token, TrackState state, Double durationSeconds, Instant mediaZeroAt,
                            Long bytes, Boolean seekable, boolean thumbnails, Integer segments, List<RecordingGap> gaps,
                            Instant finaliseDueAt, String error) {
    }

    public record InterruptionView(TrackKind kind, String reason, String detail, Instant receivedAt, Double mediaSeconds) {
    }

    public record RecordingView(UUID attemptId, UUID examId, String examTitle, UUID studentId, String studentName,
                                Instant startedAt, Instant finishedAt, List<TrackView> tracks, List<InterruptionView> interruptions) {
    }

    public record TicketView(String url, String thumbnailsUrl, Instant expiresAt) {
    }

    /** Where to open each track for an attempt-clock instant (a flag's time). */
    public record OffsetView(Instant at, List<TrackOffset> tracks) {
    }

    public record TrackOffset(TrackKind kind, String token, double offsetSeconds, boolean covered) {
    }

    /** A track resolved for streaming: where its bytes are. */
    public record Playable(Track track, String key, long size) {
    }

    private final Instance<RecordingAccessPolicy> policies;
    private final RecordingStorage storage;
    private final MediaConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final RecordingOwners owners;
    private final PlaybackLedger ledger;

    /** The recordings of another feature's owner (e.g. an oral turn), for a person allowed to see them. */
    public record OwnedRecordingView(String ownerKind, UUID ownerId, List<TrackView> tracks, List<InterruptionView> interruptions) {
    }

    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    PlaybackService(@Any Instance<RecordingAccessPolicy> policies, RecordingStorage storage, MediaConfig config,
                    TimeSource time, AuditTrail audit, ObjectMapper json, RecordingOwners owners, AttemptCatalog attempts,
                    ExamCatalog exams, PlaybackLedger ledger) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.exams = exams;
        this.owners = owners;
        this.policies = policies;
        this.storage = storage;
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.json = json;
    }

    /** The attempt's recordings, for a person allowed to see them. */
    @Transactional(dontRollbackOn = Problem.class) // a refusal is audited too
    public RecordingView recordings(UUID attemptId, UUID viewerId) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null) throw Problem.notFound("Attempt");
        requireAccess(a, viewerId, "recording.listed", null);
        ExamRecord exam = exams.find(a.examId()).orElse(null);
        Person student = People.find(a.studentId()).orElse(null);
        List<TrackView> tracks = new ArrayList<>();
        for (Track t : ledger.ofAttempt(attemptId)) tracks.add(view(t));
        TrackAlignment align = ledger.camera(null, attemptId).map(Track::alignment).orElse(null);
        List<InterruptionView> interruptions = ledger.interruptionsOfAttempt(attemptId).stream().map(i -> view(i, align)).toList();
        return new RecordingView(a.id(), a.examId(), exam == null ? null : exam.title(), a.studentId(),
                student == null ? null : student.fullName(), a.startedAt(), a.finishedAt(), tracks, interruptions);
    }

    /** The recordings of an owner other than an attempt (e.g. {@code ORAL_TURN}), checked and audited like an attempt's. */
    @Transactional(dontRollbackOn = Problem.class) // a refusal is audited too
    public OwnedRecordingView ownedRecordings(String ownerKind, UUID ownerId, UUID viewerId) {
        RecordingOwner owner = owners.of(ownerKind).orElseThrow(() -> Problem.notFound("Recording owner"));
        if (owner.auditScope(ownerId) == null) throw Problem.notFound("Recording owner");
        requireOwnedAccess(owner, ownerId, viewerId, "recording.listed", null);
        List<TrackView> tracks = new ArrayList<>();
        for (Track t : ledger.ofOwner(ownerKind, ownerId)) tracks.add(view(t));
        TrackAlignment align = ledger.camera(ownerKind, ownerId).map(Track::alignment).orElse(null);
        List<InterruptionView> interruptions = ledger.interruptionsOfOwner(ownerKind, ownerId).stream().map(i -> view(i, align)).toList();
        return new OwnedRecordingView(ownerKind, ownerId, tracks, interruptions);
    }

    /** "Open at flag time": the media second of each finalised track for an attempt-clock instant. */
    @Transactional(dontRollbackOn = Problem.class) // a refusal is audited too
    public OffsetView offsets(UUID attemptId, Instant at, UUID viewerId) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null) throw Problem.notFound("Attempt");
        requireAccess(a, viewerId, "recording.offset", Map.of("at", String.valueOf(at)));  // access first, then the input
        if (at == null) throw Problem.badRequest("OFFSET_AT_MISSING", "Send at=<ISO instant>");
        List<TrackOffset> out = new ArrayList<>();
        for (Track t : ledger.ofAttempt(attemptId)) {
            TrackAlignment align = t.alignment();
            if (align == null || t.state() != TrackState.FINALISED) continue;
            out.add(new TrackOffset(t.kind(), t.token(), align.mediaOffsetFor(at), align.covers(at)));
        }
        return new OffsetView(at, out);
    }

    /** Issues a playback ticket for one track (audited as one viewing). */
    @Transactional(dontRollbackOn = Problem.class) // a refusal is audited too
    public TicketView ticket(String token, UUID viewerId) {
        Track t = finalisedTrack(token);
        if (t.ownedByAttempt()) {
            AttemptRecord a = attempts.find(t.attemptId()).orElse(null);
            requireAccess(a, viewerId, "recording.viewed", Map.of("kind", t.kind().name()));
        } else {
            requireOwnedAccess(owners.require(t.ownerKind()), t.ownerId(), viewerId, "recording.viewed", Map.of("kind", t.kind().name()));
        }
        Instant now = now();
        PlaybackLedger.Ticket k = ledger.issueTicket(t.id(), viewerId, now, now.plus(config.ticketTtl()));
        String base = "/api/recordings/" + t.token();
        return new TicketView(base + "?ticket=" + k.ticket(), t.hasThumbnails() ? base + "/thumbnails.jpg?ticket=" + k.ticket() : null,
                k.expiresAt());
    }

    /**
     * Resolves a track for streaming, by the caller's bearer identity (audited per request) or by a ticket
     * (audited when issued; the policy is checked again on every request, so a withdrawn role stops playback).
     */
    @Transactional(dontRollbackOn = Problem.class) // a refusal is audited too
    public Playable playable(String token, String ticket, UUID bearerUserId, String what) {
        Track t = finalisedTrack(token);
        AttemptRecord a = t.ownedByAttempt() ? attempts.find(t.attemptId()).orElse(null) : null;
        RecordingOwner owner = t.ownedByAttempt() ? null : owners.require(t.ownerKind());
        if (bearerUserId != null) {
            Map<String, String> extra = Map.of("kind", t.kind().name(), "part", what);
            if (a != null) requireAccess(a, bearerUserId, "recording.downloaded", extra);
            else requireOwnedAccess(owner, t.ownerId(), bearerUserId, "recording.downloaded", extra);
        } else {
            PlaybackLedger.Ticket k = ticket == null ? null : ledger.ticket(ticket).orElse(null);
            if (k == null || !k.trackId().equals(t.id()) || k.expiresAt().isBefore(now())) {
                throw new Problem(401, "RECORDING_TICKET_INVALID", "Open the recording again from the review page");
            }
            boolean ok = a != null ? allowed(a, k.userId()) : allowedOwned(t.ownerKind(), t.ownerId(), k.userId());
            if (!ok) throw Problem.forbidden("You may not view this recording");
        }
        TrackId id = ledger.trackId(t);
        String key = switch (what) {
            case "recording" -> id.trackRecordingKey();
            case "thumbnails.jpg" -> id.trackThumbnailSpriteKey();
            case "thumbnails.json" -> id.trackThumbnailIndexKey();
            default -> throw Problem.notFound("Recording part");
        };
        if (!what.equals("recording") && !t.hasThumbnails()) throw Problem.notFound("Thumbnails");
        return new Playable(t, key, storage.size(key));
    }

    private Track finalisedTrack(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) throw Problem.notFound("Recording");
        Track t = ledger.byToken(token).orElse(null);
        if (t == null || t.state() == TrackState.DELETED) throw Problem.notFound("Recording");
        if (t.state() != TrackState.FINALISED) {
            throw Problem.conflict("RECORDING_NOT_READY", "The recording is " + t.state() + "; it is finalised after the upload grace");
        }
        return t;
    }

    private void requireAccess(AttemptRecord a, UUID viewerId, String action, Map<String, String> extra) {
        boolean ok = allowed(a, viewerId);
        Map<String, Object> detail = new java.util.HashMap<>();
        detail.put("student", a.studentId().toString());
        detail.put("granted", ok);
        if (extra != null) detail.putAll(extra);
        audit.record(Change.of(ok ? action : "recording.access.denied", "attempt", a.id()).scope(a.examId()).detail(detail));
        if (!ok) throw new Problem(403, "RECORDING_ACCESS_DENIED", "Recordings are open only to reviewers, the commissions and the student");
    }

    private void requireOwnedAccess(RecordingOwner owner, UUID ownerId, UUID viewerId, String action, Map<String, String> extra) {
        boolean ok = allowedOwned(owner.kind(), ownerId, viewerId);
        Map<String, Object> detail = new java.util.HashMap<>();
        detail.put("granted", ok);
        if (extra != null) detail.putAll(extra);
        audit.record(Change.of(ok ? action : "recording.access.denied", owner.kind().toLowerCase(java.util.Locale.ROOT), ownerId)
                .scope(owner.auditScope(ownerId)).detail(detail));
        if (!ok) throw new Problem(403, "RECORDING_ACCESS_DENIED", "This recording is open only to the people its owner names");
    }

    private boolean allowedOwned(String ownerKind, UUID ownerId, UUID viewerId) {
        Person u = People.find(viewerId).orElse(null);
        if (u == null) return false;
        Actor viewer = new Actor(u.id(), u.login(), u.roles());
        RecordingAccessPolicy.Owned owned = new RecordingAccessPolicy.Owned(ownerKind, ownerId);
        for (RecordingAccessPolicy p : policies) {
            if (p.mayViewOwned(viewer, owned)) return true;
        }
        return false;
    }

    private boolean allowed(AttemptRecord a, UUID viewerId) {
        Person u = People.find(viewerId).orElse(null);
        if (u == null) return false;
        Actor viewer = new Actor(u.id(), u.login(), u.roles());
        Subject subject = new Subject(a.id(), a.examId(), a.studentId());
        for (RecordingAccessPolicy p : policies) {
            if (p.mayView(viewer, subject)) return true;
        }
        return false;
    }

    private TrackView view(Track t) {
        return new TrackView(t.kind(), t.token(), t.state(), t.durationMs() == null ? null : t.durationMs() / 1000.0, t.mediaZeroAt(),
                t.bytes(), t.seekable(), t.hasThumbnails(), t.segments(), gaps(t), t.finaliseDueAt(), t.error());
    }

    private static InterruptionView view(Interruption i, TrackAlignment align) {
        return new InterruptionView(i.kind(), i.reason(), i.detail(), i.receivedAt(), align == null ? null : align.mediaOffsetFor(i.receivedAt()));
    }

    private List<RecordingGap> gaps(Track t) {
        if (t.gaps() == null || t.gaps().isBlank()) return List.of();
        try {
            return json.readValue(t.gaps(), new TypeReference<List<RecordingGap>>() { });
        } catch (Exception e) {
            return List.of();
        }
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
