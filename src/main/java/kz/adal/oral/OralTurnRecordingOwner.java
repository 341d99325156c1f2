package kz.adal.oral;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.media.RecordingAccessPolicy;
import kz.adal.media.RecordingOwner;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The oral turn as a recording owner in the media pipeline (kind {@value #KIND}, stored under
 * {@code oral-turns/<turnId>/camera/…}), and who may watch it: the chair, members, technical secretary and
 * head of department <em>of that turn's sitting</em>, and the turn's own student (an appeal, 001 §6.15.4).
 * Anyone else — a commission member of another sitting, another student of the same sitting, standing roles
 * such as DEAN or REVIEWER — is refused (casework may add the appeal commission with its own policy).
 *
 * <p>The recording ends when the answer ends (the turn moves to GRADING) or at a technical failure; media then
 * takes late chunks for {@code adal.media.upload-grace} and finalises.
 */
@ApplicationScoped
public class OralTurnRecordingOwner implements RecordingOwner, RecordingAccessPolicy {
    public static final String KIND = "ORAL_TURN";
    private static final Set<SittingRole> WATCHERS = EnumSet.of(SittingRole.CHAIR, SittingRole.MEMBER, SittingRole.SECRETARY, SittingRole.HEAD);

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String folder() {
        return "oral-turns";
    }

    @Override
    public UUID auditScope(UUID ownerId) {
        OralTurn t = OralTurn.findById(ownerId);
        return t == null ? null : t.sittingId;
    }

    @Override
    public Optional<Instant> endedAt(UUID ownerId) {
        OralTurn t = OralTurn.findById(ownerId);
        if (t == null) return Optional.empty();
        return Optional.ofNullable(recordingEnd(t));
    }

    /** The answer's end, or the technical failure when the turn never reached it. */
    static Instant recordingEnd(OralTurn t) {
        if (t.answerEndedAt != null) return t.answerEndedAt;
        return t.failureAt;
    }

    @Override
    public boolean mayView(Actor viewer, Subject subject) {
        return false; // attempts are not ours
    }

    @Override
    public boolean mayViewOwned(Actor viewer, Owned owned) {
        if (!KIND.equals(owned.ownerKind())) return false;
        OralTurn t = OralTurn.findById(owned.ownerId());
        if (t == null) return false;
        if (t.studentId.equals(viewer.id())) return true;
        OralSitting s = OralSitting.findById(t.sittingId);
        if (s == null) return false;
        Set<SittingRole> roles = s.rolesOf(viewer.id(), false);
        return roles.stream().anyMatch(WATCHERS::contains);
    }
}
