package kz.adal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every address a person types that another person later opens (an appeal hearing's video link, an oral
 * room's recording link): only {@code https://host/…}, no credentials, no spaces or control characters,
 * and — when {@code adal.links.allowed-hosts} is set — only those hosts (and their subdomains). A
 * {@code javascript:} or {@code data:} link would run script with the reader's token; pages also check
 * the scheme again before making a link ({@code safeHref} in web/js/adal.js).
 */
@ApplicationScoped
public class Links {
    static final int MAX_LENGTH = 1000;
    private final List<String> allowedHosts;

    Links(@ConfigProperty(name = "adal.links.allowed-hosts") Optional<List<String>> allowedHosts) {
        this.allowedHosts = allowedHosts.orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
    }

    /**
     * The address, normalised, or null when none was given; a 400 problem with {@code code} and a sentence in
     * {@code lang} (and {@code field}) when it is not a safe https link.
     */
    public String optional(String raw, String code, String field, String lang) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip();
        URI u = null;
        if (s.length() <= MAX_LENGTH && s.chars().noneMatch(c -> c <= 0x20 || c == 0x7f)) {
            try {
                u = new URI(s);
            } catch (URISyntaxException e) {
                u = null;
            }
        }
        if (u == null || !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getRawUserInfo() != null) {
            throw Problem.badRequest(code, Texts.of(lang, "url.invalid")).worded().with("field", field);
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            throw Problem.badRequest(code, Texts.of(lang, "url.host", String.join(", ", allowedHosts))).worded().with("field", field);
        }
        return u.toString();
    }
}
