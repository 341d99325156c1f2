package kz.adal.attempt;

import java.time.Instant;
import java.util.UUID;

/**
 * A check that must pass before an attempt leaves {@link AttemptState#CHECKS} and its clock starts:
 * consent to data processing, identity (000 §4.5, §4.7), a proctoring session… A feature adds one by
 * declaring an {@code @ApplicationScoped} bean implementing this interface; {@link AttemptService}
 * finds every bean ({@code Instance<StartGate>}) and starts the attempt only when all pass. No edit
 * in this package is needed. Gates run inside the start transaction and must not modify the attempt.
 */
public interface StartGate {

    /** A stable short name ("consent", "identity"), shown to the student with the result. */
    String name();

    /** Whether this attempt may start now. */
    GateResult check(StartingAttempt attempt);

    /** What a gate sees. */
    record StartingAttempt(UUID attemptId, UUID examId, UUID studentId, boolean proctored, Instant now) {
    }

    /**
     * A gate's answer.
     *
     * @param code    stable machine code when not passed (e.g. {@code CONSENT_MISSING}), null when passed
     * @param message what the student should do, when not passed
     */
    record GateResult(String gate, boolean passed, String code, String message) {
        public static GateResult pass(String gate) {
            return new GateResult(gate, true, null, null);
        }

        public static GateResult fail(String gate, String code, String message) {
            return new GateResult(gate, false, code, message);
        }
    }
}
