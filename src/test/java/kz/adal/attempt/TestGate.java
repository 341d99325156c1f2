package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A start gate added from outside the attempt code, as a later feature (consent, identity) will:
 * it holds back the students a test names and passes everyone else.
 */
@ApplicationScoped
public class TestGate implements StartGate {
    static final Set<UUID> HELD = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "test-consent";
    }

    @Override
    public GateResult check(StartingAttempt attempt) {
        return HELD.contains(attempt.studentId())
                ? GateResult.fail(name(), "TEST_CONSENT_MISSING", "Give your consent first")
                : GateResult.pass(name());
    }
}
