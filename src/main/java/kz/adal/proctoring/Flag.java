package kz.adal.proctoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An advisory flag: what, how serious, from when to when (end null while still open) and the evidence
 * — the events that opened and closed it and the nearest stored snapshot.
 */
public record Flag(FlagType type, FlagType.Severity severity, Instant startAt, Instant endAt, List<UUID> eventIds,
                   UUID snapshotId, String detail) {

    public Flag {
        eventIds = List.copyOf(eventIds);
    }

    public static Flag of(FlagType type, Instant start, Instant end, List<UUID> events, String detail) {
        return new Flag(type, type.severity(), start, end, events, null, detail);
    }

    public boolean isOpen() {
        return endAt == null;
    }

    /** The length up to {@code now} for an open flag. */
    public Duration duration(Instant now) {
        Instant end = endAt == null ? now : endAt;
        return end.isBefore(startAt) ? Duration.ZERO : Duration.between(startAt, end);
    }

    public Flag withSnapshot(UUID snapshot) {
        return new Flag(type, severity, startAt, endAt, eventIds, snapshot, detail);
    }
}
