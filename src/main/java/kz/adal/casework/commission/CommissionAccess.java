package kz.adal.casework.commission;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.media.RecordingAccessPolicy;
import kz.adal.review.ReviewAccess;

import java.util.UUID;

/**
 * What an exam's commission may do beyond standing roles: review the exam's attempts and view their
 * recordings (001 §6.15.6: the commission decides on the evidence). That an open act holds the attempt's
 * recordings is the act's own hook ({@code casework.ActRecordingHolds}).
 */
@ApplicationScoped
public class CommissionAccess implements ReviewAccess, RecordingAccessPolicy {

    @Override
    @Transactional
    public boolean mayReview(Actor actor, UUID examId) {
        return ExamCommissions.sits(examId, actor.id());
    }

    @Override
    @Transactional
    public boolean mayView(Actor viewer, Subject subject) {
        return subject.examId() != null && ExamCommissions.sits(subject.examId(), viewer.id());
    }
}
