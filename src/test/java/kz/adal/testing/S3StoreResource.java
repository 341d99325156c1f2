package kz.adal.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kz.adal.media.store.S3RecordingStorage;

import java.util.Map;

/**
 * Recordings on a real S3 API server (s3proxy, {@link S3Server}) for a test profile: the server started with a CORS
 * rule for the test's own origin (loopback), an empty bucket, and the node configured with {@code storage=s3} and
 * direct uploads on. {@link #SERVER} lets a test look into the store.
 */
public class S3StoreResource implements QuarkusTestResourceLifecycleManager {
    public static final String BUCKET = "adal-test-recordings";
    public static volatile S3Server SERVER;

    @Override
    public Map<String, String> start() {
        try {
            SERVER = S3Server.withCors("http://(127\\.0\\.0\\.1|localhost):[0-9]+");
            var settings = new S3RecordingStorage.Settings(SERVER.endpoint(), "us-east-1", BUCKET, S3Server.ACCESS_KEY,
                    S3Server.SECRET_KEY, true);
            try (S3RecordingStorage s3 = new S3RecordingStorage(settings)) {
                s3.createBucketIfMissing();
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        return Map.of("adal.media.storage", "s3",
                "adal.media.s3.endpoint", SERVER.endpoint().toString(),
                "adal.media.s3.bucket", BUCKET,
                "adal.media.s3.access-key", S3Server.ACCESS_KEY,
                "adal.media.s3.secret-key", S3Server.SECRET_KEY,
                "adal.media.direct-upload.enabled", "true");
    }

    @Override
    public void stop() {
        try {
            if (SERVER != null) SERVER.close();
        } catch (Exception e) {
            // the JVM ends anyway
        }
        SERVER = null;
    }
}
