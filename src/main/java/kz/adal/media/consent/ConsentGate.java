package kz.adal.media.consent;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.StartGate;
import kz.adal.media.consent.RecordingConsent.Decision;

/**
 * A proctored exam starts only after the student consented to recording (Law No. 94-V; purpose 002 §1.15;
 * recording 003 §16). A refusal holds the start and points to the alternative sitting; it never fails the
 * attempt. Switched off by {@code adal.media.consent.required=false} (the test profile only).
 */
@ApplicationScoped
public class ConsentGate implements StartGate {

    private final ConsentService consent;

    ConsentGate(ConsentService consent) {
        this.consent = consent;
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public GateResult check(StartingAttempt attempt) {
        if (!attempt.proctored() || !consent.required()) return GateResult.pass(name());
        Decision d = consent.decisionFor(attempt.examId(), attempt.studentId());
        if (d == Decision.GRANTED) return GateResult.pass(name());
        if (d == Decision.REFUSED) {
            return GateResult.fail(name(), "CONSENT_REFUSED", "You refused recording. " + consent.alternativeSitting());
        }
        return GateResult.fail(name(), "CONSENT_MISSING", "Read what is recorded and give your consent before the exam");
    }
}
