package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.net.URI;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The one {@link RecordingStorage} of the application, chosen by {@code adal.media.storage}: {@code local}
 * (default, {@code adal.media.local-root}) or {@code s3} (endpoint and bucket from {@code adal.media.s3.*};
 * keys from the environment: {@code ADAL_MEDIA_S3_ACCESS_KEY}, {@code ADAL_MEDIA_S3_SECRET_KEY}).
 */
@ApplicationScoped
public class RecordingStorageProducer {

    @Produces
    @ApplicationScoped
    RecordingStorage storage(MediaConfig config) {
        return switch (config.storage()) {
            case "local" -> new LocalRecordingStorage(Paths.get(config.localRoot()));
            case "s3" -> {
                MediaConfig.S3 s3 = config.s3();
                String endpoint = s3.endpoint().orElseThrow(() -> new IllegalStateException("adal.media.s3.endpoint is required for s3 storage"));
                String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException("adal.media.s3.bucket is required for s3 storage"));
                var credentials = new AwsSigV4Signer.Credentials(s3.accessKey().orElse(null), s3.secretKey().orElse(null), null);
                yield new S3RecordingStorage(new S3RecordingStorage.Settings(URI.create(endpoint), s3.region(), bucket,
                        credentials, s3.pathStyle(), Duration.ofSeconds(60)));
            }
            default -> throw new IllegalStateException("adal.media.storage must be local or s3, was " + config.storage());
        };
    }
}
