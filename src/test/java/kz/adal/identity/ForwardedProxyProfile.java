package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Behind a TLS proxy, as deploy/multi-node runs it: the client address comes from X-Forwarded-For. */
public class ForwardedProxyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
