package kz.adal.casework;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.Optional;
import java.util.UUID;

/**
 * Casework rows as other features' tests read them (the oral room drafts an act on a lost link), since they may not
 * name {@code Act} (package-private, kept so by ArchitectureTest).
 */
public final class CaseworkRows {
    private CaseworkRows() {
    }

    /** An act about an oral turn: still a draft, the outage measured, and what the draft says happened. */
    public record TurnAct(boolean draft, long lostSeconds, String whatHappened) {
    }

    public static Optional<TurnAct> actAboutTurn(UUID turnId) {
        return QuarkusTransaction.requiringNew().call(() -> Act.<Act>find("turnId", turnId).firstResultOptional()
                .map(a -> new TurnAct(a.state == Act.State.DRAFT, a.lostSeconds, a.whatHappened)));
    }
}
