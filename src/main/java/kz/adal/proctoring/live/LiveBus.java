package kz.adal.proctoring.live;

import java.util.function.Consumer;

/**
 * Live messages between nodes: a student's events reach a proctor connected to any node. Every
 * message published reaches every subscriber on every node, including the publisher's own. Two
 * implementations: {@link InMemoryLiveBus} (one node, the default) and {@link RedisLiveBus} (Redis
 * pub/sub, {@code adal.live.redis=true}). Delivery is at most once: what must not be lost is in the
 * database first, and a node that missed a message reloads from there.
 */
public interface LiveBus {

    /** Sends a message (a JSON text) to every node. Never blocks. */
    void publish(String message);

    /** Receives every message; the handler must not block (it may run on an event loop). */
    void subscribe(Consumer<String> handler);

    /** A short name of the implementation, for logs and health ("memory", "redis"). */
    String kind();
}
