package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
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
     */
    public record ExamRecord(UUID id, String title, UUID createdBy, Instant resultsVisibleAt, boolean proctored) {

        /** Whether the students see their results at {@code now}. */
        public boolean resultsVisible(Instant now) {
            return resultsVisibleAt != null && !now.isBefore(resultsVisibleAt);
        }
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

    static ExamRecord record(Exam e) {
        return new ExamRecord(e.id, e.title, e.createdBy, e.resultsVisibleAt, e.isProctored());
    }
}
