package kz.adal.media;

import io.quarkus.test.junit.QuarkusTestProfile;
import kz.adal.testing.S3StoreResource;

import java.util.List;
import java.util.Map;

/** Direct uploads on, but the store has no CORS rule for the exam origin: the browser's PUTs fail. */
public class DirectUploadNoCorsProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3StoreResource.class, Map.of("cors", "false")));
    }
}
