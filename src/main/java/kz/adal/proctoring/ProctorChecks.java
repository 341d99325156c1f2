package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptState;
import kz.adal.identity.Actor;
import kz.adal.identity.Role;
import kz.adal.platform.AfterCommit;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * What the proctor's services share ({@link ProctorService}, {@link ProctorMessages}, {@link ProctorAssignmentService},
 * {@link ProctorQueries}): the attempt if this proctor watches it, the checks of a request's text and of who may act,
 * work after commit (what goes live to the student and the consoles) and the server's time.
 */
@ApplicationScoped
class ProctorChecks {
    static final int MAX_TEXT = 1000;

    private final AttemptCatalog attempts;
    private final AttemptDirectory directory;
    private final TransactionSynchronizationRegistry tx;
    private final TimeSource time;

    ProctorChecks(AttemptCatalog attempts, AttemptDirectory directory, TransactionSynchronizationRegistry tx, TimeSource time) {
        this.attempts = attempts;
        this.directory = directory;
        this.tx = tx;
        this.time = time;
    }

    /** The attempt, if this person is assigned to it; otherwise 404 (its existence is not revealed). */
    AttemptRecord requireWatched(UUID attemptId, Actor actor) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !directory.isAssigned(actor.id(), attemptId)) throw Problem.notFound("Attempt");
        return a;
    }

    static void requireRunning(AttemptRecord a) {
        if (a.state() != AttemptState.IN_PROGRESS && a.state() != AttemptState.SUSPENDED) {
            throw Problem.conflict("ATTEMPT_NOT_RUNNING", "The attempt is " + a.state());
        }
    }

    static String requireText(String text, String code) {
        if (text == null || text.isBlank()) throw Problem.badRequest(code, "A text is required");
        if (text.length() > MAX_TEXT) throw Problem.badRequest("TEXT_TOO_LONG", "At most " + MAX_TEXT + " characters");
        return text.strip();
    }

    static void requireAny(Actor actor, Set<Role> roles, String message) {
        if (actor.roles().stream().noneMatch(roles::contains)) throw Problem.forbidden(message);
    }


    void afterCommit(Runnable r) {
        AfterCommit.run(tx, r);
    }

    Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
