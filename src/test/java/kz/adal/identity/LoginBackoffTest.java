package kz.adal.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginBackoffTest {
    private final LoginBackoff backoff = new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void letsAPersonMistypeAFewTimesWithoutWaiting() {
        for (int failures = 0; failures < 5; failures++) assertEquals(Duration.ZERO, backoff.waitAfter(failures));
    }

    @Test
    void doublesTheWaitWithEachFurtherFailureUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(30), backoff.waitAfter(5));
        assertEquals(Duration.ofSeconds(60), backoff.waitAfter(6));
        assertEquals(Duration.ofSeconds(120), backoff.waitAfter(7));
        assertEquals(Duration.ofMinutes(15), backoff.waitAfter(10));
        assertEquals(Duration.ofMinutes(15), backoff.waitAfter(1_000));
    }
}
