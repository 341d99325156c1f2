package kz.adal.proctoring;

import kz.adal.proctoring.live.AttemptFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptState;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.People;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Read-only queries about attempts for the live side (each in its own short transaction; callable from workers). The
 * proctor's assignments are this feature's own; the attempts, their exams' titles and the students' names come from
 * the owners' ports ({@link AttemptCatalog}, {@link ExamCatalog}, {@link People}).
 */
@ApplicationScoped
class AttemptDirectory {
    /** Finished attempts stay on the grid this long, so the proctor sees how they ended. */
    static final Duration FINISHED_VISIBLE = Duration.ofMinutes(15);
    /** Attempts on the grid whatever their finishing time: checking in, running or paused. */
    private static final Set<AttemptState> RUNNING = EnumSet.of(AttemptState.CHECKS, AttemptState.IN_PROGRESS, AttemptState.SUSPENDED);

    private final AttemptCatalog attempts;
    private final ExamCatalog exams;
    private final ProctorAssignments assignments;

    AttemptDirectory(AttemptCatalog attempts, ExamCatalog exams, ProctorAssignments assignments) {
        this.attempts = attempts;
        this.exams = exams;
        this.assignments = assignments;
    }

    /** The attempts a proctor watches: running ones of assigned exams or assigned directly, and recently finished ones. */
    List<AttemptFacts> watchedBy(UUID proctorId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProctorAssignments.Assigned assigned = assignments.of(proctorId);
            return facts(attempts.inStatesOrFinishedAfter(assigned.examIds(), assigned.attemptIds(), RUNNING, now.minus(FINISHED_VISIBLE)));
        });
    }

    Optional<AttemptFacts> facts(UUID attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> attempts.find(attemptId)
                .flatMap(a -> facts(List.of(a)).stream().findFirst()));
    }

    /** Whether the proctor is assigned to this attempt (directly or through its exam). */
    boolean isAssigned(UUID proctorId, UUID attemptId) {
        return QuarkusTransaction.joiningExisting().call(() -> attempts.find(attemptId)
                .map(a -> assignments.proctors(proctorId, a.examId(), a.id())).orElse(false));
    }

    /** Whether the proctor is assigned to any attempt of this student (directly or through its exam). */
    boolean watchesStudent(UUID proctorId, UUID studentId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ProctorAssignments.Assigned assigned = assignments.of(proctorId);
            return attempts.hasAttemptAmong(studentId, assigned.examIds(), assigned.attemptIds());
        });
    }

    /** The attempts with their exam's title and the student's name and login; one without either is left out. */
    private List<AttemptFacts> facts(List<AttemptRecord> found) {
        Set<UUID> examIds = new HashSet<>();
        Set<UUID> studentIds = new HashSet<>();
        found.forEach(a -> {
            examIds.add(a.examId());
            studentIds.add(a.studentId());
        });
        Map<UUID, String> titles = exams.titles(examIds);
        Map<UUID, People.Name> names = People.namesAndLogins(studentIds);
        List<AttemptFacts> out = new ArrayList<>(found.size());
        for (AttemptRecord a : found) {
            People.Name student = names.get(a.studentId());
            if (titles.containsKey(a.examId()) && student != null) {
                out.add(AttemptFacts.of(a, titles.get(a.examId()), student.fullName(), student.login()));
            }
        }
        return out;
    }
}
