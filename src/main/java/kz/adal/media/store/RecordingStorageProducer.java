package kz.adal.media.store;

import kz.adal.media.MediaConfig;
import kz.adal.media.RecordingStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.net.URI;
import java.nio.file.Paths;

/**
 * The one {@link RecordingStorage} of the application, chosen by {@code adal.media.storage}: {@code local}
 * (default, {@code adal.media.local-root}) or {@code s3} (endpoint and bucket from {@code adal.media.s3.*};
 * keys from the environment: {@code ADAL_MEDIA_S3_ACCESS_KEY}, {@code ADAL_MEDIA_S3_SECRET_KEY}).
 * Several nodes need shared storage: {@link SharedStorageCheck} refuses a start that lacks it.
 */
@ApplicationScoped
public class RecordingStorageProducer {

    @Produces
    @ApplicationScoped
    RecordingStorage storage(MediaConfig config) {
        return switch (config.storage()) {
            case "local" -> new LocalRecordingStorage(Paths.get(config.localRoot()));
            case "s3" -> new S3RecordingStorage(s3Settings(config.s3()),
                    config.s3().browserEndpoint().filter(e -> !e.isBlank()).map(URI::create).orElse(null));
            default -> throw new IllegalStateException("adal.media.storage must be local or s3, was " + config.storage());
        };
    }

    void close(@Disposes RecordingStorage storage) {
        if (storage instanceof S3RecordingStorage s3) s3.close();
    }

    static S3RecordingStorage.Settings s3Settings(MediaConfig.S3 s3) {
        String bucket = s3.bucket().filter(b -> !b.isBlank())
                .orElseThrow(() -> new IllegalStateException("adal.media.s3.bucket (ADAL_MEDIA_S3_BUCKET) is required for s3 storage"));
        URI endpoint = s3.endpoint().filter(e -> !e.isBlank()).map(URI::create).orElse(null); // none: AWS itself
        String access = s3.accessKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("ADAL_MEDIA_S3_ACCESS_KEY is required for s3 storage"));
        String secret = s3.secretKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("ADAL_MEDIA_S3_SECRET_KEY is required for s3 storage"));
        return new S3RecordingStorage.Settings(endpoint, s3.region(), bucket, access, secret, s3.pathStyle(),
                s3.timeout(), s3.maxAttempts(), s3.partBytes(), s3.multipartAbove());
    }
}
