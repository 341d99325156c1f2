package kz.adal.vision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Continuous face checks on an attempt's snapshots (issue 6; 001 §6.13): covered, frozen, no face,
 * several faces, looking away, another person. Verdicts other than OK are stored with the frame as
 * evidence for a human reviewer — advisory, never a sanction by themselves. The previous frame of
 * each attempt is kept in memory on this node for the FROZEN check (a sticky session keeps an
 * attempt's snapshots on one node; after a node change the first frame is simply not compared).
 */
@ApplicationScoped
public class FaceCheckService {
    private final SnapshotAnalysis analysis;
    private final Map<UUID, FaceImage> previous = new ConcurrentHashMap<>();
    /** Each attempt's head pose at its start: looking away is a turn from it (same node caveat as above). */
    private final Map<UUID, PoseBaseline> baselines = new ConcurrentHashMap<>();

    private final AttemptCatalog attempts;

    FaceCheckService(SnapshotAnalysis analysis, AttemptCatalog attempts) {
        this.attempts = attempts;
        this.analysis = analysis;
    }

    public record FaceCheckView(UUID id, UUID attemptId, String outcome, String evidence, Instant serverAt) {
        static FaceCheckView of(FaceCheck c) {
            return new FaceCheckView(c.id, c.attemptId, c.outcome.name(), c.evidence, c.serverAt);
        }
    }

    /**
     * Judges one snapshot of the attempt against the student's reference face and the previous
     * snapshot; stores a face-check record unless the verdict is OK. For the live proctoring stream.
     *
     * @throws IllegalArgumentException (Problem 400 IMAGE_UNREADABLE) when the bytes are not an image
     */
    @Transactional
    public SnapshotVerdict analyseSnapshot(UUID attemptId, byte[] jpegBytes, Instant serverAt) {
        AttemptCatalog.AttemptRecord a = attempts.find(attemptId).orElseThrow(() -> Problem.notFound("Attempt"));
        FaceImage frame;
        try {
            frame = FaceImage.decode(jpegBytes);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("IMAGE_UNREADABLE", "Not a readable JPEG or PNG image");
        }
        FaceEnrollment ref = FaceEnrollment.forStudent(a.studentId());
        SnapshotVerdict v;
        FaceImage before = previous.put(attemptId, frame);
        try {
            v = analysis.analyse(frame, before, ref == null ? null : ref.reference(), baselines.computeIfAbsent(attemptId, k -> new PoseBaseline()));
        } finally {
            if (before != null) before.close();
        }
        if (v.outcome().needsReview()) {
            FaceCheck c = new FaceCheck();
            c.attemptId = attemptId;
            c.outcome = v.outcome();
            c.evidence = evidence(v);
            c.frame = jpegBytes;
            c.serverAt = serverAt;
            c.persist();
        }
        return v;
    }

    /** The stored flags of an attempt, oldest first. */
    @Transactional
    public List<FaceCheckView> checks(UUID attemptId) {
        return FaceCheck.<FaceCheck>list("attemptId = ?1 order by serverAt", attemptId).stream().map(FaceCheckView::of).toList();
    }

    @Transactional
    public FaceCheck check(UUID id) {
        FaceCheck c = FaceCheck.findById(id);
        if (c == null) throw Problem.notFound("Face check");
        return c;
    }

    /** A finished attempt sends no more snapshots: free its previous frame. */
    void onFinished(@Observes AttemptFinished e) {
        baselines.remove(e.attemptId());
        FaceImage f = previous.remove(e.attemptId());
        if (f != null) f.close();
    }

    static String evidence(SnapshotVerdict v) {
        StringBuilder s = new StringBuilder("{");
        s.append("\"outcome\":\"").append(v.outcome()).append('"');
        if (v.exposure() != null) s.append(String.format(Locale.ROOT, ",\"mean\":%.1f,\"stdDev\":%.1f", v.exposure().mean(), v.exposure().stdDev()));
        if (v.motion() != null) s.append(String.format(Locale.ROOT, ",\"meanAbsDiff\":%.2f", v.motion().meanAbsDiff()));
        s.append(",\"faces\":").append(v.faceCount());
        s.append(",\"faceScores\":").append(v.faceScores().stream().map(d -> String.format(Locale.ROOT, "%.3f", d)).toList());
        if (v.similarity() != null) s.append(String.format(Locale.ROOT, ",\"similarity\":%.3f", v.similarity()));
        if (v.pose() != null) s.append(String.format(Locale.ROOT, ",\"yaw\":%.1f,\"pitch\":%.1f,\"roll\":%.1f", v.pose().yaw(), v.pose().pitch(), v.pose().roll()));
        return s.append('}').toString();
    }
}
