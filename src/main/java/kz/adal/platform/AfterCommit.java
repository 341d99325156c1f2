package kz.adal.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs work once the current transaction has committed, and never if it rolls back: what leaves the
 * database (a socket message, a bus publish, a mail) must not announce a change that did not happen.
 * The one way to say it in code that holds the transaction; a reaction to a CDI event says the same with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    /**
     * {@code work} runs after a successful commit, on the committing thread; its failure can't undo the commit.
     * Must be called inside a transaction (the registry throws {@link IllegalStateException} otherwise).
     */
    public static void run(TransactionSynchronizationRegistry tx, Runnable work) {
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) work.run();
            }
        });
    }
}
