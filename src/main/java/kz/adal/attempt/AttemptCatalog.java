package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
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

    /** An attempt as other features see it: who, which exam, where it stands, and its grade once graded. */
    public record AttemptRecord(UUID id, UUID examId, UUID studentId, AttemptState state, Instant startedAt, Instant finishedAt,
                                Instant gradedAt, BigDecimal percent, String letter) {
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

    @jakarta.inject.Inject
    kz.adal.exam.ResultHolds holds;
    @jakarta.inject.Inject
    kz.adal.platform.TimeSource time;

    /**
     * Whether the exam's results are released as the student's result page sees it: visible by the exam's setting and
     * held by nothing (nobody admitted may still sit it). What leaves Adal with a result (an LMS gradebook) waits for this.
     */
    @Transactional
    public boolean resultsReleased(UUID examId) {
        kz.adal.exam.Exam exam = examId == null ? null : kz.adal.exam.Exam.findById(examId);
        if (exam == null) return false;
        Instant now = time.now();
        return exam.resultsVisible(now) && holds.holdFor(exam, now).isEmpty();
    }

    /** The exam's graded attempts that stand (voided ones left out). */
    @Transactional
    public List<AttemptRecord> gradedOf(UUID examId) {
        return Attempt.<Attempt>list("examId = ?1 and gradedAt is not null and percent is not null and state <> ?2", examId,
                AttemptState.VOIDED).stream().map(AttemptCatalog::record).toList();
    }

    static AttemptRecord record(Attempt a) {
        return new AttemptRecord(a.id, a.examId, a.studentId, a.state, a.startedAt, a.finishedAt, a.gradedAt, a.percent, a.letter);
    }
}
