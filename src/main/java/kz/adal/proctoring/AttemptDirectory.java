package kz.adal.proctoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read-only queries about attempts for the live side (each in its own short transaction; callable from workers). */
@ApplicationScoped
class AttemptDirectory {
    /** Finished attempts stay on the grid this long, so the proctor sees how they ended. */
    static final Duration FINISHED_VISIBLE = Duration.ofMinutes(15);
    private static final String SELECT = "select a.id, e.title, u.fullName, u.login from Attempt a, Exam e, AppUser u "
            + "where e.id = a.examId and u.id = a.studentId ";

    private final EntityManager em;
    private final AttemptCatalog attempts;

    AttemptDirectory(EntityManager em, AttemptCatalog attempts) {
        this.em = em;
        this.attempts = attempts;
    }

    /** The attempts a proctor watches: running ones of assigned exams or assigned directly, and recently finished ones. */
    List<AttemptFacts> watchedBy(UUID proctorId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> facts(em.createQuery(SELECT
                        + "and (a.examId in (select pa.examId from ProctorAssignment pa where pa.proctorId = :p and pa.examId is not null) "
                        + "or a.id in (select pa.attemptId from ProctorAssignment pa where pa.proctorId = :p and pa.attemptId is not null)) "
                        + "and (a.state in :running or a.finishedAt > :since)", Object[].class)
                .setParameter("p", proctorId)
                .setParameter("running", EnumSet.of(AttemptState.CHECKS, AttemptState.IN_PROGRESS, AttemptState.SUSPENDED))
                .setParameter("since", now.minus(FINISHED_VISIBLE))
                .getResultList()));
    }

    Optional<AttemptFacts> facts(UUID attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> facts(em.createQuery(SELECT + "and a.id = :id", Object[].class)
                .setParameter("id", attemptId).getResultList()).stream().findFirst());
    }

    /** Whether the proctor is assigned to this attempt (directly or through its exam). */
    boolean isAssigned(UUID proctorId, UUID attemptId) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery("select count(a) from Attempt a where a.id = :id and ("
                        + "a.examId in (select pa.examId from ProctorAssignment pa where pa.proctorId = :p and pa.examId is not null) "
                        + "or a.id in (select pa.attemptId from ProctorAssignment pa where pa.proctorId = :p and pa.attemptId is not null))", Long.class)
                .setParameter("id", attemptId).setParameter("p", proctorId).getSingleResult() > 0);
    }

    /** Whether the proctor is assigned to any attempt of this student (directly or through its exam). */
    boolean watchesStudent(UUID proctorId, UUID studentId) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery("select count(a) from Attempt a where a.studentId = :s and ("
                        + "a.examId in (select pa.examId from ProctorAssignment pa where pa.proctorId = :p and pa.examId is not null) "
                        + "or a.id in (select pa.attemptId from ProctorAssignment pa where pa.proctorId = :p and pa.attemptId is not null))", Long.class)
                .setParameter("s", studentId).setParameter("p", proctorId).getSingleResult() > 0);
    }

    /** Rows of (attempt id, exam title, student name, student login), with the attempts read through their port in one query. */
    private List<AttemptFacts> facts(List<Object[]> rows) {
        Map<UUID, AttemptRecord> byId = attempts.find(rows.stream().map(r -> (UUID) r[0]).toList());
        List<AttemptFacts> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            AttemptRecord a = byId.get((UUID) r[0]);
            if (a != null) out.add(AttemptFacts.of(a, (String) r[1], (String) r[2], (String) r[3]));
        }
        return out;
    }
}
