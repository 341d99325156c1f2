package kz.adal.media.store;

import kz.adal.media.MediaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Several nodes ({@code adal.live.redis=true}) with recordings on each node's own disk would lose chunks: a
 * student's uploads alternate between nodes behind the proxy, each node keeps what it received, and the node that
 * finalises finds holes. Such a start is refused unless the storage is shared ({@code s3}, or a local root the
 * operator declares shared with {@code adal.media.local-shared=true}); in demo mode it is only a warning.
 */
@ApplicationScoped
public class SharedStorageCheck {
    private static final Logger LOG = Logger.getLogger(SharedStorageCheck.class);

    /** Why this combination may not run, if it may not. */
    static Optional<String> problem(boolean severalNodes, String storage, boolean localShared) {
        if (!severalNodes || !"local".equals(storage) || localShared) return Optional.empty();
        return Optional.of("several nodes (adal.live.redis=true) need shared recording storage: set ADAL_MEDIA_STORAGE=s3 "
                + "(docs/deploy.md), or mount one shared file system at adal.media.local-root on every node and set "
                + "ADAL_MEDIA_LOCAL_SHARED=true. With a disk per node, a student's chunks land on two disks and the "
                + "finalised recording has holes.");
    }

    void onStart(@Observes @Priority(2) StartupEvent ev, MediaConfig media,
                 @ConfigProperty(name = "adal.live.redis", defaultValue = "false") boolean severalNodes,
                 @ConfigProperty(name = "adal.demo.enabled", defaultValue = "false") boolean demo) {
        problem(severalNodes, media.storage(), media.localShared()).ifPresent(reason -> {
            if (demo || io.quarkus.runtime.LaunchMode.current() != io.quarkus.runtime.LaunchMode.NORMAL) {
                LOG.warn("Demo mode only: " + reason);
                return;
            }
            LOG.error("Adal refuses to start: " + reason);
            throw new IllegalStateException("Adal refuses to start: " + reason);
        });
    }
}
