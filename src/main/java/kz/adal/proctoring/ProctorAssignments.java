package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What other features read about who proctors what (the {@link ProctorAssignment} entity stays this feature's own;
 * docs/architecture.md, "Feature boundaries"). A proctor is assigned to a whole exam or to single attempts.
 */
@ApplicationScoped
public class ProctorAssignments {

    /** The exams and the single attempts a proctor is assigned to. */
    public record Assigned(Set<UUID> examIds, Set<UUID> attemptIds) {
    }

    @Transactional
    public Assigned of(UUID proctorId) {
        Set<UUID> exams = new HashSet<>();
        Set<UUID> attempts = new HashSet<>();
        ProctorAssignment.<ProctorAssignment>list("proctorId", proctorId).forEach(p -> {
            if (p.examId != null) exams.add(p.examId);
            if (p.attemptId != null) attempts.add(p.attemptId);
        });
        return new Assigned(exams, attempts);
    }

    /** Whether the proctor is assigned to the exam, or to this attempt of it. */
    @Transactional
    public boolean proctors(UUID proctorId, UUID examId, UUID attemptId) {
        return ProctorAssignment.count("proctorId = ?1 and (examId = ?2 or attemptId = ?3)", proctorId, examId, attemptId) > 0;
    }
}
