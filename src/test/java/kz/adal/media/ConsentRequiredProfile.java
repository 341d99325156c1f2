package kz.adal.media;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The production rule: a proctored exam starts only with consent to recording. */
public class ConsentRequiredProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.consent.required", "true");
    }
}
