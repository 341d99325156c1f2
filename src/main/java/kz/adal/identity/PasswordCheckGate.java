package kz.adal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.TooManyRequests;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bounded number of password hashes at once on this node. Hashing is slow on purpose, and it
 * runs on the request worker threads: without a bound, twenty wrong logins a second took the CPU
 * from every other request. A login that finds no free slot soon is refused with a 429 and a
 * Retry-After instead of queueing.
 */
@ApplicationScoped
public class PasswordCheckGate {
    private final Semaphore slots;
    private final long maxWaitMillis;

    PasswordCheckGate(IdentityConfig config) {
        this.slots = new Semaphore(Math.max(1, config.passwordChecks().concurrent()), true);
        this.maxWaitMillis = config.passwordChecks().maxWait().toMillis();
    }

    public <T> T check(Supplier<T> hashing) {
        boolean entered;
        try {
            entered = slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new TooManyRequests("LOGIN_BUSY", "Many people are logging in right now; try again in a moment", 2);
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
