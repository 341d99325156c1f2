package kz.adal.identity;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import kz.adal.platform.Problem;
import kz.adal.platform.RequestLanguage;
import kz.adal.platform.Texts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sign-in with the university account (OpenID Connect). Both steps are browser navigations, so a refusal is not
 * JSON: the browser is sent back to the login page with the refusal's code, which the page words in the reader's
 * language ({@code login.sso.<CODE>}).
 */
@Path("/api/sso")
@PermitAll
public class SsoResource {
    private final SsoService sso;
    private final HttpServerRequest request;
    private final RequestLanguage language;

    SsoResource(SsoService sso, HttpServerRequest request, RequestLanguage language) {
        this.sso = sso;
        this.request = request;
        this.language = language;
    }

    /** {@code refusal}: a sign-in's refusal worded in the reader's language, when the page was given one. */
    public record Offer(boolean enabled, String refusal) {}

    /**
     * Whether the login page shows "Sign in with the university account", and the wording of the refusal the
     * browser was sent back with (only codes of this sign-in; anything else is not worded).
     */
    @GET
    @Path("/offer")
    public Offer offer(@QueryParam("refusal") String code) {
        String worded = code != null && code.matches("SSO_[A-Z_]{1,40}|ACCOUNT_SUSPENDED") ? Texts.problem(language.get(), code) : null;
        return new Offer(sso.offered(), worded);
    }

    @GET
    @Path("/login")
    public Response login(@QueryParam("next") String next) {
        try {
            return Response.seeOther(sso.begin(next, siteUrl())).build();
        } catch (Problem p) {
            return backToLogin(p.code());
        }
    }

    @GET
    @Path("/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @HeaderParam("User-Agent") String agent) {
        try {
            SsoService.SignedIn in = sso.finish(code, state, error, agent, siteUrl());
            String next = in.nextPath() == null ? "" : "&next=" + URLEncoder.encode(in.nextPath(), StandardCharsets.UTF_8);
            String host = request.authority() == null ? null : request.authority().host();
            // the page reads its tokens with this cookie, as after a reload: nothing of the session travels in the URL
            return Response.seeOther(URI.create("/?signed-in=sso" + next))
                    .cookie(RefreshCookie.of(in.tokens().refreshToken(), 12 * 3600, RefreshCookie.secure(request.scheme(), host)))
                    .build();
        } catch (Problem p) {
            return backToLogin(p.code());
        }
    }

    private static Response backToLogin(String code) {
        return Response.seeOther(URI.create("/?sso-error=" + URLEncoder.encode(code, StandardCharsets.UTF_8))).build();
    }

    /** The site as the browser addressed it (scheme and host from X-Forwarded-* behind the TLS proxy). */
    private String siteUrl() {
        var a = request.authority();
        if (a == null) return request.scheme() + "://localhost";
        return request.scheme() + "://" + a.host() + (a.port() > 0 ? ":" + a.port() : "");
    }
}
