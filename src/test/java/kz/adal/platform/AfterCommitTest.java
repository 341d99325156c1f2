package kz.adal.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The work waits for the transaction's end and runs only when it committed. */
class AfterCommitTest {

    @Test
    void runsOnlyAfterACommit() {
        Registry tx = new Registry();
        AtomicInteger runs = new AtomicInteger();
        AfterCommit.run(tx, runs::incrementAndGet);
        assertEquals(0, runs.get(), "nothing runs while the transaction is open");
        tx.complete(Status.STATUS_COMMITTED);
        assertEquals(1, runs.get());
    }

    @Test
    void neverRunsAfterARollback() {
        Registry tx = new Registry();
        AtomicInteger runs = new AtomicInteger();
        AfterCommit.run(tx, runs::incrementAndGet);
        tx.complete(Status.STATUS_ROLLEDBACK);
        assertEquals(0, runs.get());
    }

    /** A registry that only keeps the synchronizations (the transaction manager is not ours to fake further). */
    private static final class Registry implements TransactionSynchronizationRegistry {
        private final List<Synchronization> syncs = new ArrayList<>();

        void complete(int status) {
            syncs.forEach(Synchronization::beforeCompletion);
            syncs.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            syncs.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
