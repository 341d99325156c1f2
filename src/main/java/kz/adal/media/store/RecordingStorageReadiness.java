package kz.adal.media.store;

import kz.adal.media.RecordingStorage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the recording store: a node that cannot reach its bucket (or write its directory) takes no
 * students, since their chunks would be refused. The database's and Redis's readiness come with their extensions.
 */
@Readiness
@ApplicationScoped
public class RecordingStorageReadiness implements HealthCheck {
    private static final String PROBE = "health/probe";

    private final RecordingStorage storage;

    RecordingStorageReadiness(RecordingStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named("recording storage");
        try {
            if (storage instanceof S3RecordingStorage s3) {
                s3.checkBucket();
                answer.withData("bucket", s3.settings().bucket());
            } else {
                storage.write(PROBE, new byte[] {1});
            }
            return answer.up().build();
        } catch (RuntimeException e) {
            return answer.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
