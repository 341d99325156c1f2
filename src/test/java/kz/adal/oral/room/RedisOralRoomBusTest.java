package kz.adal.oral.room;

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
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@link RedisOralRoomBus} instances — two nodes — against the real Redis on 127.0.0.1:6379, each with its
 * own connections: a message published on node A reaches a room listener on node B (and only for its sitting),
 * presence joined on one node is seen on the other, leaves are seen, and a node that stops stamping (crashed)
 * stops counting after the ttl. The whole server across two processes: {@code TwoNodeOralRoomTest}.
 */
class RedisOralRoomBusTest {
    private Vertx vertx;
    private Redis redisA;
    private Redis redisB;
    private RedisOralRoomBus nodeA;
    private RedisOralRoomBus nodeB;
    private final String channel = "adal.oral.test." + UUID.randomUUID();

    @BeforeEach
    void twoNodes() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            assertTrue(s.isConnected());
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not running on 127.0.0.1:6379", e);
        }
        vertx = Vertx.vertx();
        redisA = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        redisB = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        nodeA = new RedisOralRoomBus(new ReactiveRedisDataSourceImpl(vertx, redisA, RedisAPI.api(redisA)), channel,
                Duration.ofMillis(300), Duration.ofSeconds(1));
        nodeB = new RedisOralRoomBus(new ReactiveRedisDataSourceImpl(vertx, redisB, RedisAPI.api(redisB)), channel,
                Duration.ofMillis(300), Duration.ofSeconds(1));
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
    void anEventPublishedOnNodeAReachesARoomClientOnNodeB() throws Exception {
        UUID sitting = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        LinkedBlockingQueue<String> onB = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> otherOnB = new LinkedBlockingQueue<>();
        AutoCloseable sub = nodeB.subscribe(sitting, onB::add);
        nodeB.subscribe(other, otherOnB::add);

        String draw = "{\"type\":\"draw\",\"sittingId\":\"" + sitting + "\",\"draw\":{\"ticket\":7}}";
        nodeA.publish(sitting, draw);
        assertEquals(draw, onB.poll(5, TimeUnit.SECONDS), "node B's room client got node A's message as sent");
        assertNull(otherOnB.poll(300, TimeUnit.MILLISECONDS), "another sitting's clients hear nothing");

        sub.close();
        nodeA.publish(sitting, "{\"type\":\"changed\"}");
        assertNull(onB.poll(500, TimeUnit.MILLISECONDS), "a closed subscription hears nothing");
    }

    @Test
    void presenceJoinedOnOneNodeIsSeenOnTheOtherAndExpiresWhenItsNodeStops() throws Exception {
        UUID sitting = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID chair = UUID.randomUUID();
        assertEquals(Set.of(), nodeA.present(sitting));

        nodeB.join(sitting, student, "conn-student");
        nodeA.join(sitting, chair, "conn-chair");
        assertEquals(Set.of(student, chair), nodeA.present(sitting), "node A sees the student who is on node B");
        assertEquals(Set.of(student, chair), nodeB.present(sitting));

        // two tabs of one user: present until both are gone
        nodeA.join(sitting, chair, "conn-chair-2");
        nodeA.leave(sitting, chair, "conn-chair");
        assertEquals(Set.of(student, chair), nodeB.present(sitting));
        nodeA.leave(sitting, chair, "conn-chair-2");
        assertEquals(Set.of(student), nodeB.present(sitting), "a leave on node A is seen on node B at once");

        // the heartbeat keeps a long-open socket present beyond the ttl
        await("node B's heartbeat keeps its student present").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> nodeA.present(sitting).equals(Set.of(student)));

        // node B "crashes": no leave, no more heartbeats → gone after the ttl
        nodeB.close();
        await("a dead node's sockets stop counting after the ttl").atMost(Duration.ofSeconds(2))
                .until(() -> nodeA.present(sitting).isEmpty());
        nodeB = new RedisOralRoomBus(new ReactiveRedisDataSourceImpl(vertx, redisB, RedisAPI.api(redisB)), channel,
                Duration.ofMillis(300), Duration.ofSeconds(1));
    }
}
