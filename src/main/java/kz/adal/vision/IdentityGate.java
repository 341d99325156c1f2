package kz.adal.vision;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.StartGate;

/**
 * The "identity" start gate (000 §4.5, §4.7): a proctored attempt starts only after the student's
 * face passed the check or a proctor approved by hand. Unproctored sittings have no camera, so no
 * gate. Fails with IDENTITY_NOT_CHECKED, IDENTITY_PENDING (a proctor is looking) or IDENTITY_DENIED.
 */
@ApplicationScoped
public class IdentityGate implements StartGate {
    public static final String NAME = "identity";

    private final VisionConfig config;
    /** Exams a test switched the gate on for, whatever the configuration (the test profile turns it off). */
    private final java.util.Set<java.util.UUID> enforced = java.util.concurrent.ConcurrentHashMap.newKeySet();

    IdentityGate(VisionConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether an attempt at this exam must pass the identity check (the check page asks). */
    public boolean applies(java.util.UUID examId, boolean proctored) {
        return proctored && (config.identityGate() || enforced.contains(examId));
    }

    @Override
    public GateResult check(StartingAttempt attempt) {
        if (!applies(attempt.examId(), attempt.proctored())) return GateResult.pass(NAME);
        IdentityCheck c = IdentityCheck.latest(attempt.attemptId());
        if (c == null) {
            return GateResult.fail(NAME, "IDENTITY_NOT_CHECKED", "Show your face to the camera for the identity check");
        }
        return switch (c.status) {
            case PASSED, APPROVED -> GateResult.pass(NAME);
            case DENIED -> GateResult.fail(NAME, "IDENTITY_DENIED", "A proctor could not confirm your identity: " + c.decisionNote);
            default -> GateResult.fail(NAME, "IDENTITY_PENDING", "Waiting for a proctor to confirm your identity");
        };
    }

    /** For tests: enforce the gate for one exam even where the configuration switches it off. */
    void enforceFor(java.util.UUID examId) {
        enforced.add(examId);
    }
}
