package kz.adal.media.retention;

import kz.adal.media.AttemptRecordings;
import kz.adal.media.MediaConfig;
import kz.adal.media.RecordingHold;
import kz.adal.media.RecordingHolds;
import kz.adal.media.RecordingStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deletes expired recordings ({@code adal.media.retention}, default P1Y), never an attempt on hold
 * ({@link RecordingHolds}: an open act, appeal, verdict, re-sit or legal hold) and never before its academic
 * period closed ({@link RetentionPolicy}). Each deletion is audited; the track rows stay as DELETED.
 */
@ApplicationScoped
public class RecordingRetentionJob {
    private static final Logger LOG = Logger.getLogger(RecordingRetentionJob.class);
    /** At most this many attempts are looked at a run (the rest wait for the next night). */
    private static final int MAX_CANDIDATES = 500;
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{4})/([12])");

    private final AttemptRecordings recordings;
    private final RecordingStorage storage;
    private final MediaConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final Instance<RecordingHolds> holds;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    RecordingRetentionJob(AttemptRecordings recordings, RecordingStorage storage, MediaConfig config, TimeSource time, AuditTrail audit,
                          @Any Instance<RecordingHolds> holds, AttemptCatalog attempts, ExamCatalog exams) {
        this.recordings = recordings;
        this.storage = storage;
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.holds = holds;
        this.attempts = attempts;
        this.exams = exams;
    }

    @Scheduled(identity = "recording-retention", cron = "${adal.media.retention-cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int n = deleteExpired().size();
        if (n > 0) LOG.infof("retention: deleted the recordings of %d attempt(s)", n);
    }

    /** Deletes what is due now; returns the attempts whose recordings were deleted. */
    public List<UUID> deleteExpired() {
        Instant now = time.now().truncatedTo(ChronoUnit.MILLIS);
        RetentionPolicy policy = new RetentionPolicy(config.retentionDuration());
        Instant endedBefore = now.minus(policy.retention());
        List<Candidate> candidates = candidates(endedBefore);
        List<UUID> deleted = new ArrayList<>();
        for (Candidate c : candidates) {
            Set<RecordingHold> held = holdsFor(c.attemptId());
            var recording = new RetentionPolicy.RetainedRecording("attempts/" + c.attemptId(), c.endedAt(),
                    academicPeriodEnd(c.period()), held);
            if (!policy.isDue(recording, now)) continue;
            delete(c.attemptId(), c.examId(), now);
            deleted.add(c.attemptId());
        }
        return deleted;
    }

    private record Candidate(UUID attemptId, UUID examId, Instant endedAt, String period) {
    }

    /**
     * Attempts with recordings not yet deleted that ended at or before {@code endedBefore}, at most {@value #MAX_CANDIDATES}
     * a run, each with its exam's academic period. The attempts and their exams are read through their owners' ports in
     * batches (never a query per attempt); an attempt whose exam is gone is left out, as the join this replaced did.
     */
    private List<Candidate> candidates(Instant endedBefore) {
        List<UUID> recorded = QuarkusTransaction.requiringNew().call(recordings::withRecordings);
        List<AttemptRecord> ended = attempts.finishedBy(recorded, endedBefore);
        Map<UUID, String> periods = exams.academicPeriods(ended.stream().map(AttemptRecord::examId).collect(Collectors.toSet()));
        return ended.stream().filter(a -> periods.containsKey(a.examId())).limit(MAX_CANDIDATES)
                .map(a -> new Candidate(a.id(), a.examId(), a.finishedAt(), periods.get(a.examId()))).toList();
    }

    private Set<RecordingHold> holdsFor(UUID attemptId) {
        Set<RecordingHold> all = EnumSet.noneOf(RecordingHold.class);
        for (RecordingHolds h : holds) all.addAll(h.holdsFor(attemptId));
        return all;
    }

    private void delete(UUID attemptId, UUID examId, Instant now) {
        int objects = 0;
        for (String key : storage.list("attempts/" + attemptId + "/")) {
            if (storage.delete(key)) objects++;
        }
        int files = objects;
        QuarkusTransaction.requiringNew().run(() -> {
            int tracks = recordings.markDeleted(attemptId, now);
            audit.record(Change.of("recording.deleted", "attempt", attemptId).scope(examId)
                    .detail(Map.of("objects", files, "retention", config.retention(), "tracks", tracks)), null, "system");
        });
    }

    /**
     * When an academic period such as {@code 2026-2027/1} ends: the first term on 1 February of the second
     * year, the second term on 1 September of it (the academic year's end). Anything else is unknown, and an
     * unknown period keeps the recording (RetentionPolicy).
     */
    static Instant academicPeriodEnd(String period) {
        if (period == null) return null;
        Matcher m = PERIOD.matcher(period.trim());
        if (!m.matches()) return null;
        int second = Integer.parseInt(m.group(2));
        LocalDate end = m.group(3).equals("1") ? LocalDate.of(second, 2, 1) : LocalDate.of(second, 9, 1);
        return end.atStartOfDay(TimeSource.ZONE).toInstant();
    }
}
