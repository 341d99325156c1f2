package kz.adal.review;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import kz.adal.media.RecordingAccessPolicy;

/**
 * Whoever may review an exam's attempts (any {@link ReviewAccess} bean) may also play their recordings from the
 * review screen. Playback audits every access itself ({@code media.playback.PlaybackService}).
 */
@ApplicationScoped
public class ReviewRecordingAccess implements RecordingAccessPolicy {

    private final Instance<ReviewAccess> access;

    ReviewRecordingAccess(@Any Instance<ReviewAccess> access) {
        this.access = access;
    }

    @Override
    public boolean mayView(Actor viewer, Subject subject) {
        for (ReviewAccess a : access) {
            if (a.mayReview(viewer, subject.examId())) return true;
        }
        return false;
    }
}
