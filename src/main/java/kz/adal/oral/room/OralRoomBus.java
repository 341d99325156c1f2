package kz.adal.oral.room;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fans room messages out to every socket of a sitting and keeps who is present (an open socket).
 * In memory on one node ({@link LocalOralRoomBus}) or across nodes through Redis ({@link RedisOralRoomBus},
 * presence with a heartbeat and expiry), chosen by {@link OralRoomBusProducer}. {@link #join} and
 * {@link #present} may block: call them off the event loop.
 */
public interface OralRoomBus {
    /** A JSON text to every subscriber of the sitting, at once. */
    void publish(UUID sittingId, String json);

    /** Receive the sitting's messages until the returned handle is closed. */
    AutoCloseable subscribe(UUID sittingId, Consumer<String> listener);

    /** A socket of this user opened ({@code connectionId} tells several tabs apart). */
    void join(UUID sittingId, UUID userId, String connectionId);

    void leave(UUID sittingId, UUID userId, String connectionId);

    /** Users with at least one open socket in the sitting. */
    Set<UUID> present(UUID sittingId);

    /** How long a media report counts: pages send one every 2 s; a page that stops reporting soon stops counting. */
    java.time.Duration LINK_TTL = java.time.Duration.ofSeconds(8);

    /** A participant's latest report of the media it receives ({@link RoomLink.Report} as JSON); replaces the previous. */
    void reportLink(UUID sittingId, UUID userId, String json);

    /** The reports younger than {@link #LINK_TTL}: reporter → JSON. May block (Redis). */
    java.util.Map<UUID, String> links(UUID sittingId);
}
