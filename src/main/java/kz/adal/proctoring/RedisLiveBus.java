package kz.adal.proctoring;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Redis pub/sub on one channel. Every node subscribes at start and publishes fire-and-forget; Redis
 * delivers to every subscriber, the publisher's node included.
 */
final class RedisLiveBus implements LiveBus {
    private static final Logger LOG = Logger.getLogger(RedisLiveBus.class);
    private final ReactivePubSubCommands<String> pubsub;
    private final String channel;
    private final List<Consumer<String>> handlers = new CopyOnWriteArrayList<>();

    RedisLiveBus(ReactiveRedisDataSource redis, String channel) {
        this.pubsub = redis.pubsub(String.class);
        this.channel = channel;
        // subscribe now and wait: a node must not accept sockets before it hears the others
        pubsub.subscribe(channel, this::deliver).await().atMost(Duration.ofSeconds(10));
        LOG.infof("live bus: Redis pub/sub on channel %s", channel);
    }

    private void deliver(String message) {
        for (Consumer<String> h : handlers) {
            try {
                h.accept(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "live bus handler failed");
            }
        }
    }

    @Override
    public void publish(String message) {
        pubsub.publish(channel, message).subscribe().with(n -> { }, e -> LOG.warnf("live bus publish failed: %s", e.getMessage()));
    }

    @Override
    public void subscribe(Consumer<String> handler) {
        handlers.add(handler);
    }

    @Override
    public String kind() {
        return "redis";
    }
}
