package kz.adal.media;

import io.quarkus.test.junit.QuarkusTestProfile;
import kz.adal.testing.S3StoreResource;

import java.util.List;
import java.util.Map;

/** Recordings in s3proxy with direct uploads on; chunk addresses live 5 s, so a test can see one expire. */
public class DirectUploadProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.direct-upload.url-ttl", "PT5S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3StoreResource.class));
    }
}
