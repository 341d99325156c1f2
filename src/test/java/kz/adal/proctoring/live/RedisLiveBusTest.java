package kz.adal.proctoring.live;

import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two {@link RedisLiveBus} nodes on the real Redis at 127.0.0.1:6379: a live message published on one reaches
 * the other exactly as written (raw JSON on the channel, as before the bus was shared with the oral room).
 * The whole server across two processes: {@code TwoNodeLiveTest}.
 */
class RedisLiveBusTest {

    @Test
    void aLiveMessageCrossesNodesAsItIs() throws Exception {
        Vertx vertx = Vertx.vertx();
        Redis a = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        Redis b = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        Redis spy = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379"));
        String channel = "adal.live.test." + UUID.randomUUID();
        try (RedisLiveBus nodeA = new RedisLiveBus(new ReactiveRedisDataSourceImpl(vertx, a, RedisAPI.api(a)), channel);
             RedisLiveBus nodeB = new RedisLiveBus(new ReactiveRedisDataSourceImpl(vertx, b, RedisAPI.api(b)), channel)) {
            LinkedBlockingQueue<String> onB = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<String> onWire = new LinkedBlockingQueue<>();
            nodeB.subscribe(onB::add);
            new ReactiveRedisDataSourceImpl(vertx, spy, RedisAPI.api(spy)).pubsub(String.class)
                    .subscribe(channel, onWire::add).await().atMost(java.time.Duration.ofSeconds(10));
            String json = "{\"t\":\"ev\",\"a\":\"" + UUID.randomUUID() + "\"}";
            nodeA.publish(json);
            assertEquals(json, onB.poll(5, TimeUnit.SECONDS));
            assertEquals(json, onWire.poll(5, TimeUnit.SECONDS), "what Redis carries is the message itself, no framing");
            assertEquals("redis", nodeA.kind());
        } finally {
            a.close();
            b.close();
            spy.close();
            vertx.closeAndAwait();
        }
    }
}
