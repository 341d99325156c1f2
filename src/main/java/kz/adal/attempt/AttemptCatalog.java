package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other features read about attempts, as records (the {@link Attempt} entity stays this feature's own; see
 * docs/architecture.md, "Feature boundaries"); changes go through {@link AttemptService}'s explicit methods. Grow
 * it with what a caller needs instead of reaching for the entity.
 */
@ApplicationScoped
public class AttemptCatalog {

    /**
     * An attempt as other features see it: who, which exam, where it stands, and its grade once graded.
     *
     * @param durationSeconds its planned length (null before it starts)
     * @param pausedSeconds   how long it stood suspended, added to the deadline
     * @param finishReason    why it ended, when not by the student's submission
     * @param clock           where its time stands (null before it starts)
     */
    public record AttemptRecord(UUID id, UUID examId, UUID studentId, AttemptState state, Instant startedAt, Instant finishedAt,
                                Instant gradedAt, BigDecimal percent, String letter, Instant deadlineAt, Long durationSeconds,
                                long pausedSeconds, String finishReason, AttemptClock clock) {

        public boolean isRunning() {
            return state == AttemptState.IN_PROGRESS || state == AttemptState.SUSPENDED;
        }
    }

    /** A saved answer, as a timeline shows it. */
    public record SavedAnswer(int position, Instant savedAt, boolean answered) {
    }

    @Transactional
    public Optional<AttemptRecord> find(UUID attemptId) {
        Attempt a = attemptId == null ? null : Attempt.findById(attemptId);
        return Optional.ofNullable(a).map(AttemptCatalog::record);
    }

    /** The student's graded attempts that finished after {@code since}, the latest first (voided ones included). */
    @Transactional
    public List<AttemptRecord> gradedSince(UUID studentId, Instant since) {
        return Attempt.<Attempt>list("studentId = ?1 and gradedAt is not null and finishedAt > ?2 order by finishedAt desc", studentId, since)
                .stream().map(AttemptCatalog::record).toList();
    }

    /**
     * Attempts under way or stopped before submission (in progress, suspended, expired) that started, in any of the
     * exams or among the attempts given, the latest started first, at most {@code max}.
     */
    @Transactional
    public List<AttemptRecord> startedUnsubmitted(Collection<UUID> examIds, Collection<UUID> attemptIds, int max) {
        Set<AttemptState> states = EnumSet.of(AttemptState.IN_PROGRESS, AttemptState.SUSPENDED, AttemptState.EXPIRED);
        UUID none = new UUID(0, 0);
        return Attempt.<Attempt>find("(examId in ?1 or id in ?2) and state in ?3 and startedAt is not null order by startedAt desc",
                        examIds.isEmpty() ? Set.of(none) : examIds, attemptIds.isEmpty() ? Set.of(none) : attemptIds, states)
                .page(0, max).list().stream().map(AttemptCatalog::record).toList();
    }

    /** The attempts of the ids given that exist, by id. */
    @Transactional
    public Map<UUID, AttemptRecord> find(Collection<UUID> attemptIds) {
        if (attemptIds.isEmpty()) return Map.of();
        Map<UUID, AttemptRecord> out = new HashMap<>();
        Attempt.<Attempt>list("id in ?1", attemptIds).forEach(a -> out.put(a.id, record(a)));
        return out;
    }

    /**
     * The attempts in any of the exams or among the attempts given that are in one of {@code states} or finished after
     * {@code finishedAfter}: what a proctor's grid shows (the proctor's assignments name the exams and attempts).
     */
    @Transactional
    public List<AttemptRecord> inStatesOrFinishedAfter(Collection<UUID> examIds, Collection<UUID> attemptIds, Set<AttemptState> states,
                                                       Instant finishedAfter) {
        if (examIds.isEmpty() && attemptIds.isEmpty()) return List.of();
        UUID none = new UUID(0, 0);
        return Attempt.<Attempt>list("(examId in ?1 or id in ?2) and (state in ?3 or finishedAt > ?4)",
                        examIds.isEmpty() ? Set.of(none) : examIds, attemptIds.isEmpty() ? Set.of(none) : attemptIds, states, finishedAfter)
                .stream().map(AttemptCatalog::record).toList();
    }

    /** Whether the student has an attempt in any of the exams or among the attempts given. */
    @Transactional
    public boolean hasAttemptAmong(UUID studentId, Collection<UUID> examIds, Collection<UUID> attemptIds) {
        if (examIds.isEmpty() && attemptIds.isEmpty()) return false;
        UUID none = new UUID(0, 0);
        return Attempt.count("studentId = ?1 and (examId in ?2 or id in ?3)", studentId,
                examIds.isEmpty() ? Set.of(none) : examIds, attemptIds.isEmpty() ? Set.of(none) : attemptIds) > 0;
    }

    /** How many of the exam's attempts are in {@code state}. */
    @Transactional
    public long countIn(UUID examId, AttemptState state) {
        return Attempt.count("examId = ?1 and state = ?2", examId, state);
    }

    /** How many of the exam's attempts have started (whatever their state now). */
    @Transactional
    public long countStarted(UUID examId) {
        return Attempt.count("examId = ?1 and startedAt is not null", examId);
    }

    /** The attempts that started in any of the exams, the latest started first. */
    @Transactional
    public List<AttemptRecord> started(Collection<UUID> examIds) {
        if (examIds.isEmpty()) return List.of();
        return Attempt.<Attempt>list("examId in ?1 and startedAt is not null order by startedAt desc", examIds)
                .stream().map(AttemptCatalog::record).toList();
    }

    /** The attempt's answers as they were saved (unsaved questions left out). */
    @Transactional
    public List<SavedAnswer> savedAnswers(UUID attemptId) {
        return AttemptQuestion.<AttemptQuestion>list("key.attemptId", attemptId).stream().filter(q -> q.savedAt != null)
                .map(q -> new SavedAnswer(q.position(), q.savedAt, q.isAnswered())).toList();
    }

    @jakarta.inject.Inject
    kz.adal.exam.ResultHolds holds;
    @jakarta.inject.Inject
    kz.adal.exam.ExamCatalog examCatalog;
    @jakarta.inject.Inject
    kz.adal.platform.TimeSource time;

    /**
     * Whether the exam's results are released as the student's result page sees it: visible by the exam's setting and
     * held by nothing (nobody admitted may still sit it). What leaves Adal with a result (an LMS gradebook) waits for this.
     */
    @Transactional
    public boolean resultsReleased(UUID examId) {
        kz.adal.exam.ExamCatalog.ExamRecord exam = examId == null ? null : examCatalog.find(examId).orElse(null);
        if (exam == null) return false;
        Instant now = time.now();
        return exam.resultsVisible(now) && holds.holdFor(examId, now).isEmpty();
    }

    /** The exam's graded attempts that stand (voided ones left out). */
    @Transactional
    public List<AttemptRecord> gradedOf(UUID examId) {
        return Attempt.<Attempt>list("examId = ?1 and gradedAt is not null and percent is not null and state <> ?2", examId,
                AttemptState.VOIDED).stream().map(AttemptCatalog::record).toList();
    }

    /**
     * Those of the attempts given that finished at or before {@code before}: one query per thousand ids, never one per
     * attempt (the recording jobs ask this of the attempts they hold recordings for).
     */
    @Transactional
    public List<AttemptRecord> finishedBy(Collection<UUID> attemptIds, Instant before) {
        List<UUID> ids = List.copyOf(attemptIds);
        List<AttemptRecord> out = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            Attempt.<Attempt>list("id in ?1 and finishedAt is not null and finishedAt <= ?2",
                    ids.subList(from, Math.min(ids.size(), from + 1000)), before).forEach(a -> out.add(record(a)));
        }
        return out;
    }

    /** The ids of every attempt at the exam, in one query (media counts the gaps of their recordings). */
    @Transactional
    public List<UUID> idsOf(UUID examId) {
        return Attempt.getEntityManager().createQuery("select a.id from Attempt a where a.examId = :exam", UUID.class)
                .setParameter("exam", examId).getResultList();
    }

    static AttemptRecord record(Attempt a) {
        return new AttemptRecord(a.id, a.examId, a.studentId, a.state, a.startedAt, a.finishedAt, a.gradedAt, a.percent, a.letter,
                a.deadlineAt, a.durationSeconds, a.pausedSeconds, a.finishReason,
                a.startedAt == null || a.durationSeconds == null ? null : a.clock());
    }
}
