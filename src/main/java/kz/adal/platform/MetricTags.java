package kz.adal.platform;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Keeps the {@code uri} tag of the HTTP metrics a template. A request that ends before it was matched to a route (the
 * client reset it, a body that never came) is tagged with its raw path, so every such request made a time series of
 * its own — found in the issue 17 benchmark: 288 series for one attempt page's cut-off saves, each kept for the life
 * of the process. Ids and positions become {@code {id}} and {@code {n}}.
 */
@Singleton
public class MetricTags {
    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern NUMBER_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    static String template(String uri) {
        if (uri.indexOf('{') >= 0) return uri;   // already the route's template
        return NUMBER_SEGMENT.matcher(UUID_SEGMENT.matcher(uri).replaceAll("/{id}")).replaceAll("/{n}");
    }

    @Produces
    @Singleton
    MeterFilter uriTemplates() {
        return MeterFilter.replaceTagValues("uri", MetricTags::template);
    }
}
