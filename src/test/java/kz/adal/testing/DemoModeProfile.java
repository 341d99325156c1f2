package kz.adal.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The settings {@code bin/demo} runs with where they differ from the tests': demo mode, so the whole demo data set is
 * seeded at start (the other test boots get only {@link TestData}), and the production rule that a proctored exam
 * starts only with consent to recording. The demo data's tests and the consent tests share this one boot: a boot of
 * their own would cost more than leaving the demo data out of the other boots saves.
 */
public class DemoModeProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        // its own in-memory database: the demo seeds only an empty one, and the other boots' share is not (H2; on
        // PostgreSQL, -Dquarkus.test.profile=test,pg, the one database of the run is used as it is)
        return Map.of("adal.demo.enabled", "true", "adal.media.consent.required", "true", "adal.test.database", "adal-demo");
    }
}
