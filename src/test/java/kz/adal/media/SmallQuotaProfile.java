package kz.adal.media;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A track may hold 40 000 bytes whatever the exam's length: enough for the first two fixture chunks only. */
public class SmallQuotaProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.quota.headroom", "0", "adal.media.quota.extra-bytes", "40000");
    }
}
