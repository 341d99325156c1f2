package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other features read about an exam, as records (the {@link Exam} entity stays this feature's own; see
 * docs/architecture.md, "Feature boundaries"). Grow it with what a caller needs instead of reaching for the entity.
 */
@ApplicationScoped
public class ExamCatalog {

    /**
     * An exam as other features see it.
     *
     * @param createdBy        the teacher who set it (null for an imported one)
     * @param resultsVisibleAt when the results are published to the students (null while they are not)
     * @param proctored        delivered remotely with proctoring
     * @param groupCode        the study group that sits it
     * @param opensAt          its window (either end may be null while a draft)
     */
    public record ExamRecord(UUID id, String title, UUID createdBy, Instant resultsVisibleAt, boolean proctored, String groupCode,
                             ExamState state, Instant opensAt, Instant closesAt) {

        public boolean published() {
            return state == ExamState.PUBLISHED;
        }


        /** Whether the students see their results at {@code now}. */
        public boolean resultsVisible(Instant now) {
            return resultsVisibleAt != null && !now.isBefore(resultsVisibleAt);
        }
    }

    /**
     * The terms an attempt is delivered under: the window, the time, the draw (bank version, topics, mix), the
     * scoring rule and when results open. What the attempt feature needs of an exam, and no more.
     */
    public record Terms(UUID id, String title, String discipline, AssessmentKind kind, String groupCode, Instant opensAt,
                        Instant closesAt, int durationMinutes, LateStartPolicy lateStartPolicy, boolean proctored,
                        UUID bankVersionId, Set<String> topics, int questionCount, int mixEasy, int mixMedium, int mixHard,
                        MultipleCorrectRule multipleCorrectRule, Instant resultsVisibleAt) {

        public Duration duration() {
            return Duration.ofMinutes(durationMinutes);
        }

        public boolean isProctored() {
            return proctored;
        }

        /** Whether the students see their results at {@code now}. */
        public boolean resultsVisible(Instant now) {
            return resultsVisibleAt != null && !now.isBefore(resultsVisibleAt);
        }
    }

    @Transactional
    public Optional<Terms> terms(UUID examId) {
        return examId == null ? Optional.empty() : Exam.<Exam>findByIdOptional(examId).map(ExamCatalog::terms);
    }

    /** The published exams of a study group, by opening. */
    @Transactional
    public List<Terms> publishedFor(String groupCode) {
        return Exam.<Exam>list("groupCode = ?1 and state = ?2 order by opensAt", groupCode, ExamState.PUBLISHED).stream()
                .map(ExamCatalog::terms).toList();
    }

    static Terms terms(Exam e) {
        return new Terms(e.id, e.title, e.discipline, e.kind, e.groupCode, e.opensAt, e.closesAt, e.durationMinutes, e.lateStartPolicy,
                e.isProctored(), e.bankVersionId, Set.copyOf(e.topics), e.questionCount, e.mixEasy, e.mixMedium, e.mixHard,
                e.multipleCorrectRule, e.resultsVisibleAt);
    }

    /** The exam's language of instruction (kk, ru or en), which its official documents are printed in; null when mixed. */
    @Transactional
    public String languageOf(UUID examId) {
        return examId == null ? null : ExamLanguage.of(Exam.findById(examId));
    }

    @Transactional
    public Optional<ExamRecord> find(UUID examId) {
        Exam e = examId == null ? null : Exam.findById(examId);
        return Optional.ofNullable(e).map(ExamCatalog::record);
    }

    /** The titles of the exams of the ids given that exist, by id. */
    @Transactional
    public Map<UUID, String> titles(Collection<UUID> examIds) {
        if (examIds.isEmpty()) return Map.of();
        Map<UUID, String> out = new HashMap<>();
        Exam.getEntityManager().createQuery("select e.id, e.title from Exam e where e.id in :ids", Object[].class)
                .setParameter("ids", examIds).getResultList().forEach(r -> out.put((UUID) r[0], (String) r[1]));
        return out;
    }

    /** Every exam, the latest opening first. */
    @Transactional
    public List<ExamRecord> all() {
        return Exam.<Exam>list("order by opensAt desc").stream().map(ExamCatalog::record).toList();
    }

    /** The exams opening in [{@code from}, {@code to}), the latest first. */
    @Transactional
    public List<ExamRecord> opening(Instant from, Instant to) {
        return Exam.<Exam>list("opensAt >= ?1 and opensAt < ?2 order by opensAt desc", from, to).stream().map(ExamCatalog::record).toList();
    }

    /** The extra time the student is allowed on the exam (an accommodation; zero when none). */
    @Transactional
    public java.time.Duration extraTimeFor(UUID examId, UUID studentId) {
        return Accommodation.extraFor(examId, studentId);
    }

    /** Admitted by a decision on file (a student outside the exam's group, or a manual admission). */
    @Transactional
    public boolean hasAdmission(UUID examId, UUID studentId) {
        return Admission.isAdmitted(examId, studentId);
    }

    /** The students admitted to the exam (monitoring counts them and their logins during its window). */
    @Transactional
    public List<UUID> admittedStudents(UUID examId) {
        return Admission.getEntityManager().createQuery(
                        "select a.id.studentId from Admission a where a.id.examId = :exam and a.admitted = true", UUID.class)
                .setParameter("exam", examId).getResultList();
    }

    /** The study group the exam is for (its admission list is that group's students). */
    @Transactional
    public Optional<String> groupOf(UUID examId) {
        Exam e = examId == null ? null : Exam.findById(examId);
        return Optional.ofNullable(e).map(x -> x.groupCode);
    }

    /** Exams a teacher set that are not cancelled, the latest opening first: what an LMS course may link to. */
    @Transactional
    public java.util.List<ExamRecord> setBy(UUID teacherId) {
        return Exam.<Exam>list("createdBy = ?1 and state <> ?2 order by opensAt desc nulls last", teacherId, ExamState.CANCELLED)
                .stream().map(ExamCatalog::record).toList();
    }

    /**
     * The academic period (e.g. {@code 2026-2027/1}) of each exam given that exists, in one query; the value is null when
     * the exam has none (the recording retention job keeps such recordings).
     */
    @Transactional
    public java.util.Map<UUID, String> academicPeriods(java.util.Collection<UUID> examIds) {
        if (examIds.isEmpty()) return java.util.Map.of();
        java.util.Map<UUID, String> out = new java.util.HashMap<>();
        Exam.getEntityManager().createQuery("select e.id, e.academicPeriod from Exam e where e.id in :ids", Object[].class)
                .setParameter("ids", examIds).getResultList().forEach(r -> out.put((UUID) r[0], (String) r[1]));
        return out;
    }

    static ExamRecord record(Exam e) {
        return new ExamRecord(e.id, e.title, e.createdBy, e.resultsVisibleAt, e.isProctored(), e.groupCode, e.state, e.opensAt, e.closesAt);
    }
}
