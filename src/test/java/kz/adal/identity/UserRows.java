package kz.adal.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/**
 * Changes to accounts that other features' tests make behind the API (an e-mail address, the interface language),
 * since they may not name {@code AppUser} (package-private, kept so by ArchitectureTest). Each call commits on its own.
 */
public final class UserRows {
    private UserRows() {
    }

    /** The id of an existing account, e.g. a demo one ("teacher", "dean"). */
    public static UUID id(String login) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByLogin(login).orElseThrow().id);
    }

    public static boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.count("id", id) == 1);
    }

    public static void email(UUID id, String address) {
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(id).email = address);
    }

    public static void uiLanguage(UUID id, String language) {
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(id).uiLanguage = language);
    }

    /**
     * Revokes all the person's sessions straight in the database, as another node would, so that this node hears
     * nothing of it (no event, no cache update).
     */
    public static void revokeSessionsInTheDatabase(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> UserSession.update("revokedAt = ?1 where userId = ?2", Instant.now(), id));
    }

    /** The student has completed the curriculum, so is admitted to the final attestation (001 §5.39.4). */
    public static void curriculumCompleted(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> AppUser.<AppUser>findById(id).curriculumCompleted = true);
    }
}
