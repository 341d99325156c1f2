package kz.adal.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The language the server words its texts in for this request. Our pages state it on every call
 * ({@code Accept-Language} = the page's language, which adal.js keeps equal to the account's setting: the
 * language picked at login or in the header is saved to the account), so a stated language comes first;
 * a call that states none (a script, a scheduled job) gets the person's own setting, and an anonymous one
 * the institution's default ({@code adal.language.default}).
 */
@RequestScoped
public class RequestLanguage {
    @Inject Instance<UserLanguage> users;
    @Inject Instance<HttpServerRequest> request;
    @ConfigProperty(name = "adal.language.default", defaultValue = "kk") String institutionDefault;

    private String resolved;

    public String get() {
        if (resolved == null) resolved = resolve();
        return resolved;
    }

    private String resolve() {
        String header = null;
        try {
            if (request.isResolvable()) header = request.get().getHeader("Accept-Language");
        } catch (RuntimeException e) {
            // outside an HTTP request (a scheduled job)
        }
        String stated = fromAcceptLanguage(header);
        if (stated != null) return stated;
        try {
            for (UserLanguage u : users) {
                Optional<String> own = u.ofCaller();
                if (own.isPresent() && Texts.supported(own.get())) return own.get();
            }
        } catch (RuntimeException e) {
            // no person or no database at hand (an anonymous call, an event-loop thread): the default decides
        }
        return Texts.supported(institutionDefault) ? institutionDefault : "kk";
    }

    /** The first of kk, ru, en the header names, in its order of preference (q-values honoured). */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                if (r.getWeight() <= 0) continue;
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                if (Texts.supported(primary)) return primary;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
