package kz.adal.proctoring.live;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the bus: Redis when {@code adal.live.redis=true} (then configure {@code quarkus.redis.hosts}),
 * otherwise in memory — a single node works alone and never touches Redis.
 */
@ApplicationScoped
class LiveBusProducer {

    @Produces
    @ApplicationScoped
    LiveBus bus(@ConfigProperty(name = "adal.live.redis", defaultValue = "false") boolean redis,
                @ConfigProperty(name = "adal.live.channel", defaultValue = "adal.live") String channel,
                Instance<ReactiveRedisDataSource> redisSource) {
        return redis ? new RedisLiveBus(redisSource.get(), channel) : new InMemoryLiveBus();
    }
}
