package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorViews.TerminationView;
import kz.adal.proctoring.ProctorViews.TimelineView;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A proctor's request to stop a student, as the person who decides it sees it (001 §6.14): who may decide
 * (the exam's teacher, or anyone with academic-administrative authority assigned to the exam or attempt, never
 * the requester), telling them, and the request with its evidence for the decision page.
 */
@ApplicationScoped
public class TerminationCases {

    /** The request with what is needed to decide it: the timeline, flags and evidence frames of the attempt. */
    public record CaseView(TerminationView termination, String requestedByName, String decidedByName, String studentName,
                           String examTitle, boolean mayDecide, TimelineView timeline) {
    }

    private final ProctorQueries proctoring;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;

    TerminationCases(ProctorQueries proctoring, AttemptCatalog attempts, ExamCatalog exams) {
        this.proctoring = proctoring;
        this.attempts = attempts;
        this.exams = exams;
    }

    /** What is fired in the transaction that stored a PENDING request, so whoever may decide it is told. */
    static TerminationRequested requested(ProctorTermination t, AttemptRecord a, ExamRecord exam) {
        return new TerminationRequested(t.id, a.id(), a.examId(), exam == null ? "" : exam.title(), name(a.studentId()),
                name(t.requestedBy), t.reason, t.requestedAt, deciders(t, a, exam));
    }

    /** The exam's teacher and the assigned people with authority, except the one who asked. */
    static List<UUID> deciders(ProctorTermination t, AttemptRecord a, ExamRecord exam) {
        Set<UUID> out = new LinkedHashSet<>();
        if (exam != null && exam.createdBy() != null) out.add(exam.createdBy());
        List<ProctorAssignment> assigned = ProctorAssignment.list("examId = ?1 or attemptId = ?2", a.examId(), a.id());
        for (ProctorAssignment pa : assigned) {
            Person u = People.find(pa.proctorId).orElse(null);
            if (u != null && u.roles().stream().anyMatch(ProctorService.AUTHORITY::contains)) out.add(u.id());
        }
        out.remove(t.requestedBy);
        return List.copyOf(out);
    }

    /** The request and its evidence, for a person who may decide it (or did). Anyone else gets 404. */
    @Transactional
    public CaseView view(UUID terminationId, Actor actor) {
        ProctorTermination t = requireVisible(terminationId, actor);
        AttemptRecord a = attempts.find(t.attemptId).orElse(null);
        ExamRecord exam = exams.find(a.examId()).orElse(null);
        boolean mayDecide = t.state == ProctorTermination.State.PENDING && actor.hasAny(ProctorService.AUTHORITY)
                && !t.requestedBy.equals(actor.id()) && deciders(t, a, exam).contains(actor.id());
        return new CaseView(TerminationView.of(t), name(t.requestedBy), t.decidedBy == null ? null : name(t.decidedBy),
                name(a.studentId()), exam == null ? "" : exam.title(), mayDecide, proctoring.reviewTimeline(a.id()));
    }

    /** An evidence frame of the request's attempt (JPEG). */
    @Transactional
    public byte[] evidence(UUID terminationId, UUID snapshotId, Actor actor) {
        ProctorTermination t = requireVisible(terminationId, actor);
        byte[] jpeg = proctoring.reviewEvidenceJpeg(t.attemptId, snapshotId);
        if (jpeg == null) throw Problem.notFound("Snapshot");
        return jpeg;
    }

    /** The requests waiting for this person, oldest first. */
    @Transactional
    public List<CaseView> waitingFor(Actor actor) {
        if (!actor.hasAny(ProctorService.AUTHORITY)) return List.of();
        return ProctorTermination.<ProctorTermination>list("state = ?1 order by requestedAt", ProctorTermination.State.PENDING).stream()
                .filter(t -> {
                    AttemptRecord a = attempts.find(t.attemptId).orElse(null);
                    return a != null && deciders(t, a, exams.find(a.examId()).orElse(null)).contains(actor.id());
                })
                .map(t -> {
                    AttemptRecord a = attempts.find(t.attemptId).orElse(null);
                    ExamRecord exam = exams.find(a.examId()).orElse(null);
                    return new CaseView(TerminationView.of(t), name(t.requestedBy), null, name(a.studentId()),
                            exam == null ? "" : exam.title(), true, null);
                }).toList();
    }

    private ProctorTermination requireVisible(UUID terminationId, Actor actor) {
        ProctorTermination t = ProctorTermination.findById(terminationId);
        if (t == null) throw Problem.notFound("Termination request");
        AttemptRecord a = attempts.find(t.attemptId).orElse(null);
        boolean involved = t.requestedBy.equals(actor.id()) || actor.id().equals(t.decidedBy)
                || (a != null && deciders(t, a, exams.find(a.examId()).orElse(null)).contains(actor.id()))
                || actor.roles().contains(Role.SYSTEM_ADMIN);
        if (a == null || !involved) throw Problem.notFound("Termination request");
        return t;
    }

    private static String name(UUID userId) {
        Person u = People.find(userId).orElse(null);
        return u == null ? "" : u.fullName();
    }
}
