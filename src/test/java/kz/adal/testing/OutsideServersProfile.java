package kz.adal.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * One test boot with the servers a campus runs beside Adal, each a real implementation the tests start themselves:
 * the recordings' object store (s3proxy, {@link S3StoreResource}, with direct browser uploads on and CORS for the
 * test origin) and a TURN relay (coturn, {@link Coturn}). The tests of direct uploads, of the proctor's live view and
 * of the oral room's relay share it: every distinct profile or restricted test resource costs the suite a Quarkus
 * build and start of its own (issue #19: the suite's time).
 * Chunk addresses live 5 s, so a test can see one expire.
 */
public class OutsideServersProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.direct-upload.url-ttl", "PT5S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3StoreResource.class), new TestResourceEntry(Coturn.class));
    }
}
