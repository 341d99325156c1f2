package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.ResultStanding;

import java.util.Optional;
import java.util.UUID;

/** A verdict ANNULLED (or RESIT) means the attempt's result no longer stands; nothing else does (flags never). */
@ApplicationScoped
public class ReviewResultStanding implements ResultStanding {

    @Override
    public Optional<String> annulment(UUID attemptId) {
        return Optional.ofNullable(ReviewService.annulment(ReviewVerdict.findById(attemptId)));
    }
}
