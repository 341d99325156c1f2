package kz.adal.platform;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One Redis pub/sub channel between the nodes: every message published reaches every subscriber on every
 * node, the publisher's own included, at most once (what must not be lost is in the database first). The
 * live bus of proctoring and the oral room bus are both this; they differ only in what they put in a message.
 *
 * <p>The node subscribes when this is made and waits for Redis to confirm it: a node must not accept sockets
 * before it hears the others. {@link #publish} never waits. Handlers must not block (they run on an event loop).
 */
public final class RedisPubSub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisPubSub.class);
    private static final int SUBSCRIBE_TRIES = 4;
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(3);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ReactivePubSubCommands<String> pubsub;
    private final String channel;
    private final String name;
    private final List<Consumer<String>> handlers = new CopyOnWriteArrayList<>();
    private final ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    /** The subscription that delivers; an earlier one whose confirmation was lost stays silent. */
    private volatile int current;

    /** {@code name} says in the log which bus this is ("live bus", "oral room bus"). */
    public RedisPubSub(ReactiveRedisDataSource redis, String channel, String name) {
        this.pubsub = redis.pubsub(String.class);
        this.channel = channel;
        this.name = name;
        this.subscriber = subscribeWithRetry();
        LOG.infof("%s: Redis pub/sub on channel %s", name, channel);
    }

    /**
     * Seen here: now and then the subscribe confirmation is lost by the client ("No handler waiting for
     * message: [subscribe, …]") and the wait would never end; a fresh subscribe then works. Should the lost
     * one still deliver, it is ignored: each try's handler delivers only while it is the current try.
     */
    private ReactivePubSubCommands.ReactiveRedisSubscriber subscribeWithRetry() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= SUBSCRIBE_TRIES; attempt++) {
            int mine = attempt;
            current = mine;
            try {
                return pubsub.subscribe(channel, m -> {
                    if (current == mine) deliver(m);
                }).await().atMost(SUBSCRIBE_WAIT);
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("%s: subscribing to %s failed (attempt %d): %s", name, channel, attempt, e.getMessage());
            }
        }
        throw last;
    }

    private void deliver(String message) {
        for (Consumer<String> h : handlers) {
            try {
                h.accept(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: a handler failed", name);
            }
        }
    }

    /** Sends the message to every node; fire and forget (a failure is logged). */
    public void publish(String message) {
        pubsub.publish(channel, message).subscribe()
                .with(n -> { }, e -> LOG.warnf("%s: publish failed: %s", name, e.getMessage()));
    }

    /** Receive every message of the channel until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<String> handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    @Override
    public void close() {
        handlers.clear();
        try {
            subscriber.unsubscribe().await().atMost(CLOSE_WAIT);
        } catch (RuntimeException e) {
            LOG.debugf("%s: unsubscribe at shutdown failed: %s", name, e.getMessage());
        }
    }

    /**
     * A message for one thing (a sitting, an attempt) on a shared channel, framed as {@code "<uuid> <payload>"},
     * so that a node hands it only to that thing's listeners.
     */
    public record Keyed(UUID key, String payload) {
        private static final int UUID_LENGTH = 36;

        public String frame() {
            return key + " " + payload;
        }

        /** Empty for a message that is not framed so (ignored by the receiver). */
        public static Optional<Keyed> parse(String message) {
            if (message == null || message.length() < UUID_LENGTH + 2 || message.charAt(UUID_LENGTH) != ' ') return Optional.empty();
            try {
                return Optional.of(new Keyed(UUID.fromString(message.substring(0, UUID_LENGTH)), message.substring(UUID_LENGTH + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
