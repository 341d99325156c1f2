package kz.adal.oral;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Oral turns found or moved on behind the API for the tests of other features (appeals, absences), which may not
 * name {@code OralTurn} (package-private, kept so by ArchitectureTest); they read through {@link OralCatalog}. Each
 * call commits on its own.
 */
public final class OralRows {
    private OralRows() {
    }

    /** The student's turn on the sitting day. */
    public static UUID turn(UUID sittingId, UUID studentId) {
        return QuarkusTransaction.requiringNew().call(() -> OralTurn.<OralTurn>find("sittingId = ?1 and studentId = ?2", sittingId, studentId)
                .firstResult().id);
    }

    /** The student's turn on some sitting day other than {@code notOn} (a re-sit), as other features see it. */
    public static OralCatalog.TurnRecord turnElsewhere(UUID studentId, UUID notOn) {
        return QuarkusTransaction.requiringNew().call(() -> OralCatalog.record(
                OralTurn.<OralTurn>find("studentId = ?1 and sittingId <> ?2", studentId, notOn).firstResult()));
    }

    /**
     * The turn as the oral feature leaves it after grading and the chair's announcement at {@code announced}: answered
     * half an hour before, graded twenty minutes before, with {@code points} and {@code letter}.
     */
    public static UUID announced(UUID sittingId, UUID studentId, Instant announced, int points, String letter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OralTurn t = OralTurn.find("sittingId = ?1 and studentId = ?2", sittingId, studentId).firstResult();
            t.stage = TurnStage.PUBLISHED;
            t.answerEndedAt = announced.minus(Duration.ofMinutes(30));
            t.gradedAt = announced.minus(Duration.ofMinutes(20));
            t.publishedAt = announced;
            t.finalPoints = points;
            t.finalLetter = letter;
            return t.id;
        });
    }
}
