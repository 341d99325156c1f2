package kz.adal.casework;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.media.RecordingAccessPolicy;
import kz.adal.media.RecordingHold;
import kz.adal.media.RecordingHolds;
import kz.adal.review.ReviewAccess;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What an exam's commission may do beyond standing roles: review the exam's attempts and view their
 * recordings (001 §6.15.6: the commission decides on the evidence); and an open act holds the attempt's
 * recordings (product decision: recordings are kept while a case is open).
 */
@ApplicationScoped
public class CommissionAccess implements ReviewAccess, RecordingAccessPolicy, RecordingHolds {

    @Override
    @Transactional
    public boolean mayReview(Actor actor, UUID examId) {
        return isMember(examId, actor.id());
    }

    @Override
    @Transactional
    public boolean mayView(Actor viewer, Subject subject) {
        return subject.examId() != null && isMember(subject.examId(), viewer.id());
    }

    @Override
    @Transactional
    public Set<RecordingHold> holdsFor(UUID attemptId) {
        Set<RecordingHold> holds = EnumSet.noneOf(RecordingHold.class);
        if (Act.count("attemptId = ?1 and state <> ?2", attemptId, Act.State.DECIDED) > 0) holds.add(RecordingHold.OPEN_ACT);
        if (Act.count("attemptId = ?1 and decision = ?2", attemptId, ActDecision.RESUME) > 0) holds.add(RecordingHold.RESIT);
        return holds;
    }

    private static boolean isMember(UUID examId, UUID userId) {
        if (examId == null || userId == null) return false;
        return ExamCommissionSeat.count("key.examId = ?1 and key.userId = ?2", examId, userId) > 0;
    }
}
