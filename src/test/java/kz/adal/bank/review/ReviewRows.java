package kz.adal.bank.review;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.UUID;

/** Review rows for tests outside this package (through {@code bank.BankRows}); each call runs in its own transaction. */
public final class ReviewRows {
    private ReviewRows() {
    }

    /** Some expert review assigned to {@code expert}, or null when there is none. */
    public static UUID reviewOf(UUID expert) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExpertReview review = ExpertReview.find("expertId", expert).firstResult();
            return review == null ? null : review.id;
        });
    }
}
