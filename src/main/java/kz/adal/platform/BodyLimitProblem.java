package kz.adal.platform;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A request body larger than {@code quarkus.http.limits.max-body-size} is refused by Quarkus before
 * any resource runs, with a bare 413 and no body. This answers the same refusal first, as problem
 * details, so the client can say what happened. Runs just before Quarkus's own check (order -2).
 */
@ApplicationScoped
public class BodyLimitProblem {
    void routes(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        long limit = max.asLongValue();
        router.route().order(-3).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= limit) {
                rc.next();
                return;
            }
            // before any resource runs: the browser's Accept-Language is all there is to go by
            String lang = RequestLanguage.fromAcceptLanguage(rc.request().getHeader("Accept-Language"));
            String english = "The request body is larger than " + limit / (1024 * 1024) + " MiB";
            String own = lang == null || "en".equals(lang) ? null : Texts.problem(lang, "TOO_LARGE", limit / (1024 * 1024));
            JsonObject body = new JsonObject(ProblemMapper.body(413, "TOO_LARGE", own != null ? own : english, rc.normalizedPath(), List.of()));
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString())
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body.encode());
        });
    }
}
