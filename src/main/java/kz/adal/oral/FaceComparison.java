package kz.adal.oral;

import java.util.Optional;
import java.util.UUID;

/**
 * Extension point for the identity check (001 §6.15.6): compare the student's face in a snapshot with
 * the reference photo. The vision feature provides a bean of this type when it can; until then
 * {@link NoFaceComparison} answers "not available" and the secretary checks the ID document.
 */
public interface FaceComparison {
    /** A short verdict for the protocol (e.g. "MATCH 0.71", "NO_MATCH 0.12"), or empty when not available. */
    Optional<String> compare(UUID studentId, byte[] jpeg);
}
