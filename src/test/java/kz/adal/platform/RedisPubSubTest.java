package kz.adal.platform;

import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes, each with its own connection to the real Redis on 127.0.0.1:6379, on one channel. */
class RedisPubSubTest {
    private Vertx vertx;
    private Redis redisA;
    private Redis redisB;
    private RedisPubSub nodeA;
    private RedisPubSub nodeB;

    @BeforeEach
    void twoNodes() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            assertTrue(s.isConnected());
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not running on 127.0.0.1:6379", e);
        }
        String channel = "adal.platform.test." + UUID.randomUUID();
        vertx = Vertx.vertx();
        redisA = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        redisB = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        nodeA = new RedisPubSub(new ReactiveRedisDataSourceImpl(vertx, redisA, RedisAPI.api(redisA)), channel, "test bus A");
        nodeB = new RedisPubSub(new ReactiveRedisDataSourceImpl(vertx, redisB, RedisAPI.api(redisB)), channel, "test bus B");
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        redisA.close();
        redisB.close();
        vertx.closeAndAwait();
    }

    @Test
    void aMessageReachesEveryNodeThePublishersOwnIncludedAsSent() throws Exception {
        LinkedBlockingQueue<String> onA = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> onB = new LinkedBlockingQueue<>();
        nodeA.subscribe(onA::add);
        nodeB.subscribe(onB::add);
        String json = "{\"t\":\"att\",\"a\":\"" + UUID.randomUUID() + "\"}";
        nodeA.publish(json);
        assertEquals(json, onB.poll(5, TimeUnit.SECONDS), "the other node");
        assertEquals(json, onA.poll(5, TimeUnit.SECONDS), "the publisher's own node");
        assertNull(onB.poll(300, TimeUnit.MILLISECONDS), "once");
    }

    @Test
    void aFailingHandlerDoesNotStopTheOthersAndAClosedOneHearsNothing() throws Exception {
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> closed = new LinkedBlockingQueue<>();
        nodeB.subscribe(m -> { throw new IllegalStateException("a broken handler"); });
        nodeB.subscribe(got::add);
        AutoCloseable gone = nodeB.subscribe(closed::add);
        gone.close();
        nodeA.publish("one");
        assertEquals("one", got.poll(5, TimeUnit.SECONDS));
        assertNull(closed.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aKeyedMessageIsTheKeyASpaceAndThePayload() {
        UUID key = UUID.randomUUID();
        String framed = new RedisPubSub.Keyed(key, "{\"type\":\"changed\"}").frame();
        assertEquals(key + " {\"type\":\"changed\"}", framed);
        assertEquals(Optional.of(new RedisPubSub.Keyed(key, "{\"type\":\"changed\"}")), RedisPubSub.Keyed.parse(framed));
        assertEquals(Optional.empty(), RedisPubSub.Keyed.parse("{\"t\":\"att\"}"));
        assertEquals(Optional.empty(), RedisPubSub.Keyed.parse("not-a-uuid-but-thirty-six-characters {}"));
        assertEquals(Optional.empty(), RedisPubSub.Keyed.parse(null));
    }
}
