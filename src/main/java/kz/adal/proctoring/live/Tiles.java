package kz.adal.proctoring.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * A watched attempt's tile as the proctor's grid shows it (facts, connection, flags, score). The flags and the score
 * are the {@code proctoring} package's rules: its {@code LiveTiles} implements this; the hub only sends the tiles.
 */
public interface Tiles {

    /** The tile as things stand at {@code now}; notes whether it can change with time alone. */
    ObjectNode tile(WatchedAttempt w, Instant now);

    /** The message carrying the tile to the consoles; notes the tile's {@link #signature}. */
    String tileMessage(WatchedAttempt w, ObjectNode tile);

    /** The attempt's events in timeline order. */
    List<LiveEvent> sorted(WatchedAttempt w);

    /** What decides whether a tile changed: everything except the running time. */
    static String signature(ObjectNode tile) {
        ObjectNode copy = tile.deepCopy();
        copy.remove("remainingMs");
        for (JsonNode f : copy.path("flags")) ((ObjectNode) f).remove("seconds");
        for (JsonNode c : copy.path("costs")) ((ObjectNode) c).remove("seconds");
        return copy.toString();
    }
}
