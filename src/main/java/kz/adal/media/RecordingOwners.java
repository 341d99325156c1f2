package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import kz.adal.platform.Problem;

import java.util.Optional;

/** The {@link RecordingOwner} beans by kind. */
@ApplicationScoped
public class RecordingOwners {
    private final Instance<RecordingOwner> owners;

    RecordingOwners(@Any Instance<RecordingOwner> owners) {
        this.owners = owners;
    }

    public Optional<RecordingOwner> of(String kind) {
        if (kind == null) return Optional.empty();
        for (RecordingOwner o : owners) {
            if (o.kind().equals(kind)) return Optional.of(o);
        }
        return Optional.empty();
    }

    public RecordingOwner require(String kind) {
        return of(kind).orElseThrow(() -> Problem.notFound("Recording owner " + kind));
    }

    /** A segment's id for any track: attempts under {@code attempts/}, others under their owner's folder. */
    public TrackId trackId(MediaTrack t, int segment) {
        return t.ownedByAttempt() ? t.id(segment) : t.id(segment, require(t.ownerKind).folder());
    }
}
