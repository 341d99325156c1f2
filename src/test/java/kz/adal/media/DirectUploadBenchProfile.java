package kz.adal.media;

import kz.adal.testing.OutsideServersProfile;

import java.util.Map;

/** As {@link OutsideServersProfile}, with the production address lifetime (a loaded machine may take seconds per chunk). */
public class DirectUploadBenchProfile extends OutsideServersProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.direct-upload.url-ttl", "PT2M");
    }
}
