package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.net.URI;
import java.time.Duration;

/** Kurento when {@code adal.media.kurento.url} is set, otherwise no media server. */
@ApplicationScoped
public class LiveMediaProducer {

    @Produces
    @ApplicationScoped
    LiveMediaProvider liveMedia(MediaConfig config) {
        return config.kurento().url()
                .<LiveMediaProvider>map(url -> new KurentoLiveMedia(() -> KurentoClient.connect(URI.create(url), Duration.ofSeconds(10)),
                        config.kurento().recordingsUri()))
                .orElseGet(NoLiveMedia::new);
    }
}
