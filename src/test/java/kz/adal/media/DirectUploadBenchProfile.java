package kz.adal.media;

import java.util.Map;

/** As {@link DirectUploadProfile}, with the production address lifetime (a loaded machine may take seconds per chunk). */
public class DirectUploadBenchProfile extends DirectUploadProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("adal.media.direct-upload.url-ttl", "PT2M");
    }
}
