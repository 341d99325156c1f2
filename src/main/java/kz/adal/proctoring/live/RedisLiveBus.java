package kz.adal.proctoring.live;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import kz.adal.platform.RedisPubSub;

import java.util.function.Consumer;

/**
 * The live bus across nodes: one {@link RedisPubSub} channel carrying the live messages as they are (JSON).
 * Every node subscribes at start; Redis delivers to every subscriber, the publisher's node included.
 */
final class RedisLiveBus implements LiveBus, AutoCloseable {
    private final RedisPubSub channel;

    RedisLiveBus(ReactiveRedisDataSource redis, String channel) {
        this.channel = new RedisPubSub(redis, channel, "live bus");
    }

    @Override
    public void publish(String message) {
        channel.publish(message);
    }

    @Override
    public void subscribe(Consumer<String> handler) {
        channel.subscribe(handler);
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        channel.close();
    }
}
