package kz.adal.oral.room;

import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The single-node {@link OralRoomBus} (produced by {@link OralRoomBusProducer}). */
public class LocalOralRoomBus implements OralRoomBus {
    private static final Logger LOG = Logger.getLogger(LocalOralRoomBus.class);
    private final Map<UUID, CopyOnWriteArrayList<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** sitting → connection → user */
    private final Map<UUID, Map<String, UUID>> connections = new ConcurrentHashMap<>();
    /** sitting → reporter → (expires at epoch ms, report) */
    private final Map<UUID, Map<UUID, Map.Entry<Long, String>>> links = new ConcurrentHashMap<>();

    @Override
    public void publish(UUID sittingId, String json) {
        for (Consumer<String> l : listeners.getOrDefault(sittingId, new CopyOnWriteArrayList<>())) {
            try {
                l.accept(json);
            } catch (RuntimeException e) {
                LOG.debugf("room listener failed: %s", e.getMessage());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(UUID sittingId, Consumer<String> listener) {
        listeners.computeIfAbsent(sittingId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(sittingId, new CopyOnWriteArrayList<>()).remove(listener);
    }

    @Override
    public void join(UUID sittingId, UUID userId, String connectionId) {
        connections.computeIfAbsent(sittingId, k -> new ConcurrentHashMap<>()).put(connectionId, userId);
    }

    @Override
    public void leave(UUID sittingId, UUID userId, String connectionId) {
        Map<String, UUID> c = connections.get(sittingId);
        if (c != null) c.remove(connectionId);
    }

    @Override
    public void reportLink(UUID sittingId, UUID userId, String json) {
        links.computeIfAbsent(sittingId, k -> new ConcurrentHashMap<>())
                .put(userId, Map.entry(System.currentTimeMillis() + LINK_TTL.toMillis(), json));
    }

    @Override
    public Map<UUID, String> links(UUID sittingId) {
        long now = System.currentTimeMillis();
        Map<UUID, String> out = new java.util.HashMap<>();
        links.getOrDefault(sittingId, Map.of()).forEach((user, e) -> { if (e.getKey() > now) out.put(user, e.getValue()); });
        return out;
    }

    @Override
    public Set<UUID> present(UUID sittingId) {
        return connections.getOrDefault(sittingId, Map.of()).values().stream().collect(Collectors.toUnmodifiableSet());
    }
}
