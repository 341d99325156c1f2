package kz.adal.oral.room;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Chooses the room bus with the same switch as proctoring's live bus: Redis when {@code adal.live.redis=true}
 * (then {@code quarkus.redis.hosts}), otherwise in memory on one node.
 */
@ApplicationScoped
class OralRoomBusProducer {

    @Produces
    @ApplicationScoped
    OralRoomBus bus(@ConfigProperty(name = "adal.live.redis", defaultValue = "false") boolean redis,
                    @ConfigProperty(name = "adal.oral.room-channel", defaultValue = "adal.oral") String channel,
                    @ConfigProperty(name = "adal.oral.presence-heartbeat", defaultValue = "PT5S") Duration heartbeat,
                    @ConfigProperty(name = "adal.oral.presence-ttl", defaultValue = "PT15S") Duration ttl,
                    Instance<ReactiveRedisDataSource> redisSource) {
        return redis ? new RedisOralRoomBus(redisSource.get(), channel, heartbeat, ttl) : new LocalOralRoomBus();
    }

    /** The bus is made at start-up, so a node hears the other nodes before its first socket or request. */
    void eager(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev, OralRoomBus bus) {
        io.quarkus.arc.ClientProxy.unwrap(bus); // creates the bus (and its Redis subscription) now
    }

    /** At shutdown the Redis bus stops its heartbeat (this node's sockets then expire within the ttl). */
    void close(@jakarta.enterprise.inject.Disposes OralRoomBus bus) {
        if (bus instanceof RedisOralRoomBus r) r.close();
    }
}
