package kz.adal.identity;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Token endpoints. The refresh token is also set as an HttpOnly cookie limited to this path,
 * so page scripts never hold it; API clients may send it in the body instead.
 */
@Path("/api/auth")
public class AuthResource {
    static final String REFRESH_COOKIE = RefreshCookie.NAME;
    private final AuthService auth;
    private final CurrentUser me;
    // the request as the browser made it (scheme and host from X-Forwarded-* behind the TLS proxy)
    private final HttpServerRequest request;

    AuthResource(AuthService auth, CurrentUser me, HttpServerRequest request) {
        this.auth = auth;
        this.me = me;
        this.request = request;
    }

    public record LoginRequest(String login, String password) {}
    public record RefreshRequest(String refreshToken) {}

    @POST
    @Path("/login")
    @PermitAll
    public Response login(LoginRequest req, @HeaderParam("User-Agent") String agent, @Context HttpServerRequest http) {
        if (req == null) req = new LoginRequest(null, null);
        return withCookie(auth.login(req.login(), req.password(), agent, clientAddress(http)));
    }

    /**
     * The peer's address as Vert.x reports it. Behind a proxy that is the proxy, unless
     * {@code quarkus.http.proxy.proxy-address-forwarding} is on (deploy/multi-node sets it), when
     * Quarkus takes it from X-Forwarded-For/Forwarded; without that setting those headers are ignored,
     * so a client can't pick a fresh address per guess.
     */
    static String clientAddress(HttpServerRequest http) {
        SocketAddress a = http == null ? null : http.remoteAddress();
        return a == null ? null : a.hostAddress();
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public Response refresh(RefreshRequest req, @CookieParam(REFRESH_COOKIE) String cookie) {
        String token = req != null && req.refreshToken() != null ? req.refreshToken() : cookie;
        return withCookie(auth.refresh(token));
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout() {
        auth.logout(me.sessionId());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public UserView me() {
        AppUser u = AppUser.findById(me.id());
        return UserView.of(u);
    }

    private Response withCookie(AuthService.Tokens t) {
        return Response.ok(t).cookie(cookie(t.refreshToken(), 12 * 3600)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        String host = request.authority() == null ? null : request.authority().host();
        return RefreshCookie.of(value, maxAge, RefreshCookie.secure(request.scheme(), host));
    }
}
