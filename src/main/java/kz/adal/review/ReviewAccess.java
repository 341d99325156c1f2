package kz.adal.review;

import kz.adal.identity.Actor;

import java.util.UUID;

/**
 * Who may review an exam's attempts (see the queue, decide flags, give verdicts). Access is granted when
 * <em>any</em> bean implementing this grants it: review grants standing REVIEWERs; casework adds the
 * members of the exam's commission. The recordings themselves follow {@code media.RecordingAccessPolicy}.
 */
public interface ReviewAccess {

    boolean mayReview(Actor actor, UUID examId);
}
