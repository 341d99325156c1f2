package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveEvent;
import kz.adal.proctoring.live.AttemptFacts;
import kz.adal.proctoring.live.WatchedAttempt;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.Actor;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorViews.CostView;
import kz.adal.proctoring.ProctorViews.EventView;
import kz.adal.proctoring.ProctorViews.FlagView;
import kz.adal.proctoring.ProctorViews.MessageView;
import kz.adal.proctoring.ProctorViews.TerminationView;
import kz.adal.proctoring.ProctorViews.TimelineView;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the proctor's pages read (the grid as a list, one attempt's timeline, an evidence snapshot; each for an
 * attempt the proctor is assigned to) and what the review and the termination cases read of an attempt's live record
 * (the caller checks its own access rule first). Reads only.
 */
@ApplicationScoped
public class ProctorQueries {
    private final AttemptDirectory directory;
    private final LiveTiles tiles;
    private final EventStore events;
    private final ProctoringConfig config;
    private final ObjectMapper json;
    private final ProctorChecks checks;

    ProctorQueries(AttemptDirectory directory, LiveTiles tiles, EventStore events, ProctoringConfig config, ObjectMapper json,
                   ProctorChecks checks) {
        this.directory = directory;
        this.tiles = tiles;
        this.events = events;
        this.config = config;
        this.json = json;
        this.checks = checks;
    }


    /** One attempt in full: events, flags with their evidence, the score and its explanation, messages. */
    @Transactional
    public TimelineView timeline(UUID attemptId, Actor actor) {
        checks.requireWatched(attemptId, actor);
        return reviewTimeline(attemptId);
    }

    /** An evidence snapshot (JPEG). */
    @Transactional
    public byte[] evidence(UUID attemptId, UUID snapshotId, Actor actor) {
        checks.requireWatched(attemptId, actor);
        byte[] jpeg = events.evidenceJpeg(attemptId, snapshotId);
        if (jpeg == null) throw Problem.notFound("Snapshot");
        return jpeg;
    }

    /** The grid as a list (for REST clients; the console uses the socket): most suspicious first. */
    @Transactional
    public List<Map<String, Object>> grid(Actor actor) {
        Instant now = checks.now();
        return directory.watchedBy(actor.id(), now).stream().map(f -> {
            WatchedAttempt w = WatchedAttempt.loaded(f, events.load(f.attemptId()));
            @SuppressWarnings("unchecked")
            Map<String, Object> tile = json.convertValue(tiles.tile(w, now), LinkedHashMap.class);
            return tile;
        }).sorted((x, y) -> {
            int c = Integer.compare((Integer) x.get("score"), (Integer) y.get("score"));
            return c != 0 ? c : Integer.compare((Integer) y.get("openFlags"), (Integer) x.get("openFlags"));
        }).toList();
    }


    // ------------------------------------------------------------------ for the review and the termination cases

    /**
     * An attempt's timeline, flags (with the nearest evidence snapshot) and score as {@link #timeline} gives it, for a
     * reviewer: no proctor assignment is needed — the caller (the review) checks its own access rule first.
     */
    @Transactional
    public TimelineView reviewTimeline(UUID attemptId) {
        AttemptFacts f = directory.facts(attemptId).orElseThrow(() -> Problem.notFound("Attempt"));
        Instant now = checks.now();
        List<LiveEvent> list = new Timeline(events.load(attemptId), null, now, config.disconnectGrace()).events();
        List<Flag> flags = FlagRules.withNearestSnapshots(tiles.flags(f, list, now), events.evidence(attemptId));
        CredibilityScore score = CredibilityScore.of(flags, tiles.weights(), now);
        Duration left = f.remaining(now);
        return new TimelineView(f.attemptId(), f.examId(), f.examTitle(), f.studentName(), f.state().name(), f.deadlineAt(),
                left == null ? null : left.toMillis(), now, score.score(),
                score.items().stream().map(i -> new CostView(i.type().name(), i.count(), i.seconds(), i.cost())).toList(),
                flags.stream().map(x -> new FlagView(x.type().name(), x.severity().name(), x.startAt(), x.endAt(),
                        x.duration(now).toSeconds(), x.eventIds(), x.snapshotId(), x.detail())).toList(),
                list.stream().map(e -> new EventView(e.id(), e.seq(), e.kind(), e.at(), e.clientAt(), e.serverAt(), e.data())).toList(),
                ProctorMessage.<ProctorMessage>list("attemptId = ?1 order by sentAt", attemptId).stream().map(MessageView::of).toList(),
                ProctorTermination.<ProctorTermination>list("attemptId = ?1 order by requestedAt", attemptId).stream()
                        .map(TerminationView::of).toList());
    }

    /** Every evidence snapshot of an attempt (id and time), for the review. */
    public List<FlagRules.SnapshotRef> reviewEvidence(UUID attemptId) {
        return events.evidence(attemptId);
    }

    /** An evidence snapshot's JPEG for the review (the caller checked access); null when it is not the attempt's. */
    public byte[] reviewEvidenceJpeg(UUID attemptId, UUID snapshotId) {
        return events.evidenceJpeg(attemptId, snapshotId);
    }
}
