package kz.adal.bank.review;

import kz.adal.bank.BankViews.ReviewSummary;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the rest of the bank feature reads of the expert reviews (its entities stay in this package): who is assigned
 * to a version, whether a version has a conclusion that lets computer testing use it, the reviews as pages list them.
 */
public final class ExpertReviews {
    private ExpertReviews() {
    }

    /** The expert has a review of this version (open or concluded): they may see its questions. */
    public static boolean isAssigned(UUID versionId, UUID expertId) {
        return ExpertReview.count("versionId = ?1 and expertId = ?2", versionId, expertId) > 0;
    }

    /** The expert has a review of one of these versions. */
    public static boolean reviewsAnyOf(UUID expertId, Collection<UUID> versionIds) {
        return ExpertReview.count("expertId = ?1 and versionId in ?2", expertId, versionIds) > 0;
    }

    /** The versions the expert reviews or reviewed, one per review. */
    public static List<UUID> versionsReviewedBy(UUID expertId) {
        return ExpertReview.<ExpertReview>list("expertId", expertId).stream().map(r -> r.versionId).toList();
    }

    /** The end of the first positive conclusion for computer testing that is valid on {@code day}, if any (001 §5.26). */
    public static Optional<LocalDate> computerTestingValidUntil(UUID versionId, LocalDate day) {
        return ExpertReview.<ExpertReview>list("versionId", versionId).stream().filter(r -> r.allowsComputerTestingOn(day))
                .findFirst().map(r -> r.validUntil);
    }

    /** A version's reviews in the order they were assigned, as the bank and version pages list them. */
    public static List<ReviewSummary> summaries(UUID versionId) {
        return ExpertReview.<ExpertReview>list("versionId = ?1 order by assignedAt", versionId).stream().map(r -> {
            Person e = People.find(r.expertId).orElse(null);
            return new ReviewSummary(r.id, e == null ? "?" : e.fullName(), r.state.name(), r.conclusion == null ? null : r.conclusion.name(),
                    r.forComputer, r.forWritten, r.academicYear, r.validUntil);
        }).toList();
    }
}
