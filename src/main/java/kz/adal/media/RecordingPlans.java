package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the browser needs to record and what a protocol lists: the recorder settings and where each track stands
 * ({@link RecordingService} is the door other features and the API call).
 */
@ApplicationScoped
class RecordingPlans {
    private final EntityManager em;
    private final MediaConfig config;
    private final TimeSource time;
    private final RecordingOwners owners;
    private final UploadWindow window;
    private final ExamCatalog exams;

    RecordingPlans(EntityManager em, MediaConfig config, TimeSource time, RecordingOwners owners, UploadWindow window, ExamCatalog exams) {
        this.em = em;
        this.config = config;
        this.time = time;
        this.owners = owners;
        this.window = window;
        this.exams = exams;
    }

    @Transactional
    RecordingService.OwnedPlan ownedPlan(String ownerKind, UUID ownerId) {
        owners.require(ownerKind);
        MediaConfig.Recorder r = config.recorder();
        List<RecordingService.TrackStatus> tracks = new ArrayList<>();
        for (MediaTrack t : MediaTrack.<MediaTrack>list("ownerKind = ?1 and ownerId = ?2 order by kind", ownerKind, ownerId)) {
            tracks.add(status(t));
        }
        return new RecordingService.OwnedPlan(ownerKind, ownerId, r.timesliceMs(), config.maxChunkBytes(), cameraOptions(r), tracks,
                config.uploadGrace().toString(), now());
    }

    @Transactional
    List<RecordingService.TrackSummary> summaries(String ownerKind, UUID ownerId) {
        List<RecordingService.TrackSummary> out = new ArrayList<>();
        for (MediaTrack t : MediaTrack.<MediaTrack>list("ownerKind = ?1 and ownerId = ?2 order by kind", ownerKind, ownerId)) {
            RecordingService.TrackStatus st = status(t);
            List<RecordingGap> gaps = List.of();
            if (t.gaps != null && !t.gaps.isBlank()) {
                try {
                    gaps = GAPS_JSON.readValue(t.gaps, new com.fasterxml.jackson.core.type.TypeReference<List<RecordingGap>>() { });
                } catch (Exception e) {
                    gaps = List.of();
                }
            }
            out.add(new RecordingService.TrackSummary(t.kind, t.state, t.durationMs == null ? null : t.durationMs / 1000.0,
                    t.segments != null ? t.segments : st.segments(), st.chunks(), t.bytes != null ? t.bytes : st.bytes(), gaps,
                    t.mediaZeroAt, t.error));
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper GAPS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private RecordingService.TrackStatus status(MediaTrack t) {
        Object[] agg = em.createQuery("select count(c), coalesce(sum(c.size), 0), coalesce(max(c.segment), -1) from MediaChunk c where c.trackId = :t", Object[].class)
                .setParameter("t", t.id).getSingleResult();
        return new RecordingService.TrackStatus(t.kind, t.state, ((Number) agg[2]).intValue() + 1, ((Number) agg[0]).longValue(), ((Number) agg[1]).longValue());
    }

    private static Map<String, Object> cameraOptions(MediaConfig.Recorder r) {
        return Map.of("mimeType", "video/webm;codecs=vp8,opus", "width", r.cameraWidth(), "height", r.cameraHeight(),
                "frameRate", r.cameraFrameRate(), "videoBitsPerSecond", r.cameraVideoBitsPerSecond(),
                "audioBitsPerSecond", r.cameraAudioBitsPerSecond(), "videoKeyFrameIntervalDuration", 2000);
    }

    @Transactional
    RecordingService.RecordingPlan plan(UUID attemptId, UUID studentId) {
        AttemptRecord a = window.ownedAttempt(attemptId, studentId);
        ExamRecord exam = exams.find(a.examId()).orElse(null);
        MediaConfig.Recorder r = config.recorder();
        List<RecordingService.TrackStatus> tracks = new ArrayList<>();
        for (MediaTrack t : MediaTrack.<MediaTrack>list("attemptId", attemptId)) {
            Object[] agg = em.createQuery("select count(c), coalesce(sum(c.size), 0), coalesce(max(c.segment), -1) from MediaChunk c where c.trackId = :t", Object[].class)
                    .setParameter("t", t.id).getSingleResult();
            tracks.add(new RecordingService.TrackStatus(t.kind, t.state, ((Number) agg[2]).intValue() + 1, ((Number) agg[0]).longValue(), ((Number) agg[1]).longValue()));
        }
        return new RecordingService.RecordingPlan(attemptId, exam != null && exam.proctored(), a.state().name(), r.timesliceMs(), config.maxChunkBytes(),
                Map.of("mimeType", "video/webm;codecs=vp8,opus", "width", r.cameraWidth(), "height", r.cameraHeight(),
                        "frameRate", r.cameraFrameRate(), "videoBitsPerSecond", r.cameraVideoBitsPerSecond(),
                        "audioBitsPerSecond", r.cameraAudioBitsPerSecond(), "videoKeyFrameIntervalDuration", 2000),
                Map.of("mimeType", "video/webm;codecs=vp8", "frameRate", r.screenFrameRate(),
                        "videoBitsPerSecond", r.screenVideoBitsPerSecond(), "videoKeyFrameIntervalDuration", 4000),
                tracks, config.uploadGrace().toString(), now(), directUploadsOn());
    }

    /** Whether browsers upload chunks straight to the object store (on, and the store can presign). */
    boolean directUploadsOn() {
        return config.directUpload().enabled() && "s3".equals(config.storage());
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
