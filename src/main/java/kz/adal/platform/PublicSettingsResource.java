package kz.adal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every page needs to know about the institution before it shows a time, for anyone (the login page
 * too): its time zone ({@code adal.zone}, the one {@link TimeSource#ZONE} reads) and its default language.
 * Pages never carry the zone themselves (web/js/adal.js asks here), so an institution changes it in one place.
 */
@Path("/api/public/settings")
public class PublicSettingsResource {
    public record Settings(String zone, String defaultLanguage) {}

    private final String defaultLanguage;

    PublicSettingsResource(@ConfigProperty(name = "adal.language.default", defaultValue = "kk") String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Settings settings() {
        return new Settings(TimeSource.ZONE.getId(), defaultLanguage);
    }
}
