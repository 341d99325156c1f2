package kz.adal.attempt;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether an attempt's result still stands. The review feature implements it (a reviewer's verdict
 * "annulled"); attempt knows nothing of reviews. An annulled result is shown as annulled and counts as no
 * result on the grade sheet; the answers and the score stay stored (nothing is deleted).
 */
public interface ResultStanding {

    /** The reason the result was annulled, or empty when it stands. */
    Optional<String> annulment(UUID attemptId);
}
