package kz.adal.oral.room;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import kz.adal.platform.RedisPubSub;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@link OralRoomBus} across nodes, like {@code proctoring.live.RedisLiveBus}: one {@link RedisPubSub} channel
 * carries {@code "<sittingId> <json>"} ({@link RedisPubSub.Keyed}) to every node (the publisher's included), which hands it to its own sockets of
 * that sitting. Presence lives in one Redis hash per sitting ({@code <prefix>:presence:<sittingId>}:
 * connection id → {@code userId,expiresAtEpochMs}); each node re-stamps its own connections every
 * {@code heartbeat} and an entry older than {@code ttl} is ignored and removed, so a crashed node's sockets
 * stop counting as present within the ttl. Times here are the nodes' wall clocks (infrastructure, not exam
 * time): keep nodes NTP-synchronised; the ttl (15 s) is far above their usual skew.
 *
 * <p>{@link #join}, {@link #leave} and {@link #present} wait for Redis (call them off the event loop);
 * {@link #publish} does not wait.
 */
public final class RedisOralRoomBus implements OralRoomBus, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisOralRoomBus.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisPubSub pubsub;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final Duration ttl;
    private final Map<UUID, CopyOnWriteArrayList<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** This node's open connections: connection → (sitting, user), re-stamped by the heartbeat. */
    private final Map<String, Map.Entry<UUID, UUID>> mine = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;

    public RedisOralRoomBus(ReactiveRedisDataSource redis, String channel, Duration heartbeatEvery, Duration ttl) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.keys = redis.key(String.class);
        this.prefix = channel;
        this.ttl = ttl;
        // subscribes now and waits: a node must not accept sockets before it hears the others
        this.pubsub = new RedisPubSub(redis, channel, "oral room bus");
        pubsub.subscribe(this::deliver);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oral-room-presence");
            t.setDaemon(true);
            return t;
        });
        long every = heartbeatEvery.toMillis();
        heartbeat.scheduleAtFixedRate(this::stampAll, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("oral room bus: presence ttl %s", ttl);
    }

    private void deliver(String message) {
        RedisPubSub.Keyed.parse(message).ifPresent(m -> {
            for (Consumer<String> l : listeners.getOrDefault(m.key(), new CopyOnWriteArrayList<>())) {
                try {
                    l.accept(m.payload());
                } catch (RuntimeException e) {
                    LOG.debugf("room listener failed: %s", e.getMessage());
                }
            }
        });
    }

    @Override
    public void publish(UUID sittingId, String json) {
        pubsub.publish(new RedisPubSub.Keyed(sittingId, json).frame());
    }

    @Override
    public AutoCloseable subscribe(UUID sittingId, Consumer<String> listener) {
        listeners.computeIfAbsent(sittingId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(sittingId, new CopyOnWriteArrayList<>()).remove(listener);
    }

    @Override
    public void join(UUID sittingId, UUID userId, String connectionId) {
        mine.put(connectionId, Map.entry(sittingId, userId));
        stamp(sittingId, userId, connectionId).await().atMost(WAIT);
    }

    @Override
    public void leave(UUID sittingId, UUID userId, String connectionId) {
        mine.remove(connectionId);
        try {
            hashes.hdel(key(sittingId), connectionId).await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("oral presence leave failed (expires within %s): %s", ttl, e.getMessage());
        }
    }

    @Override
    public Set<UUID> present(UUID sittingId) {
        Map<String, String> all = hashes.hgetall(key(sittingId)).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        Set<UUID> users = new HashSet<>();
        List<String> stale = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String[] v = e.getValue().split(",");
            try {
                if (v.length == 2 && Long.parseLong(v[1]) > now) users.add(UUID.fromString(v[0]));
                else stale.add(e.getKey());
            } catch (IllegalArgumentException ex) {
                stale.add(e.getKey());
            }
        }
        if (!stale.isEmpty()) {
            hashes.hdel(key(sittingId), stale.toArray(String[]::new)).subscribe().with(n -> { }, e -> { });
        }
        return Set.copyOf(users);
    }

    /** One hash per sitting ({@code <prefix>:link:<sittingId>}): reporter → {@code expiresAtEpochMs|json}. */
    @Override
    public void reportLink(UUID sittingId, UUID userId, String json) {
        String k = prefix + ":link:" + sittingId;
        hashes.hset(k, userId.toString(), (System.currentTimeMillis() + LINK_TTL.toMillis()) + "|" + json)
                .chain(() -> keys.pexpire(k, ttl.multipliedBy(4)))
                .subscribe().with(n -> { }, e -> LOG.warnf("oral link report failed: %s", e.getMessage()));
    }

    @Override
    public Map<UUID, String> links(UUID sittingId) {
        Map<String, String> all = hashes.hgetall(prefix + ":link:" + sittingId).await().atMost(WAIT);
        long now = System.currentTimeMillis();
        Map<UUID, String> out = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            int bar = e.getValue().indexOf('|');
            try {
                if (bar > 0 && Long.parseLong(e.getValue().substring(0, bar)) > now) {
                    out.put(UUID.fromString(e.getKey()), e.getValue().substring(bar + 1));
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed entry counts as no report
            }
        }
        return out;
    }

    private io.smallrye.mutiny.Uni<Void> stamp(UUID sittingId, UUID userId, String connectionId) {
        String k = key(sittingId);
        return hashes.hset(k, connectionId, userId + "," + (System.currentTimeMillis() + ttl.toMillis()))
                // the whole hash goes when no node stamps it any more
                .chain(() -> keys.pexpire(k, ttl.multipliedBy(4)))
                .replaceWithVoid();
    }

    private void stampAll() {
        for (Map.Entry<String, Map.Entry<UUID, UUID>> c : mine.entrySet()) {
            try {
                stamp(c.getValue().getKey(), c.getValue().getValue(), c.getKey()).await().atMost(WAIT);
            } catch (RuntimeException e) {
                LOG.warnf("oral presence heartbeat failed: %s", e.getMessage());
            }
        }
    }

    private String key(UUID sittingId) {
        return prefix + ":presence:" + sittingId;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        pubsub.close();
    }
}
