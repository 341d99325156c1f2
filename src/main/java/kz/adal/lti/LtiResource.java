package kz.adal.lti;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.RequestLanguage;
import kz.adal.platform.Texts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LTI 1.3: the tool's public key set, the login initiation and launch the platform sends browsers to, the admin's
 * platform registrations, the instructor's deep-linking choice, and the activities' roster sync (docs/lms.md).
 */
@Path("/api/lti")
public class LtiResource {
    private final LaunchService launches;
    private final PlatformService platforms;
    private final DeepLinkService deepLinks;
    private final RosterService rosters;
    private final ToolKeys keys;
    private final LtiConfig config;
    private final HttpServerRequest request;
    private final RequestLanguage language;

    LtiResource(LaunchService launches, PlatformService platforms, DeepLinkService deepLinks, RosterService rosters, ToolKeys keys,
                LtiConfig config, HttpServerRequest request, RequestLanguage language) {
        this.launches = launches;
        this.platforms = platforms;
        this.deepLinks = deepLinks;
        this.rosters = rosters;
        this.keys = keys;
        this.config = config;
        this.request = request;
        this.language = language;
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @GET
    @Path("/login")
    @PermitAll
    public Response loginByGet(@QueryParam("iss") String iss, @QueryParam("login_hint") String loginHint,
                               @QueryParam("target_link_uri") String target, @QueryParam("lti_message_hint") String messageHint,
                               @QueryParam("client_id") String clientId, @QueryParam("lti_deployment_id") String deployment) {
        return login(new LaunchService.LoginInitiation(iss, loginHint, target, messageHint, clientId, deployment));
    }

    /** Moodle initiates the login with an auto-submitted form. */
    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginByPost(@FormParam("iss") String iss, @FormParam("login_hint") String loginHint,
                                @FormParam("target_link_uri") String target, @FormParam("lti_message_hint") String messageHint,
                                @FormParam("client_id") String clientId, @FormParam("lti_deployment_id") String deployment) {
        return login(new LaunchService.LoginInitiation(iss, loginHint, target, messageHint, clientId, deployment));
    }

    private Response login(LaunchService.LoginInitiation in) {
        try {
            return Response.status(302).location(launches.login(in, base() + "/api/lti/launch")).build();
        } catch (Problem p) {
            return forBrowser(p);
        }
    }

    /**
     * The launch (the platform's auto-posted id_token). Success: signed in and sent on (303). A refusal is problem
     * details for a program and a short page in the reader's language for a browser.
     */
    @POST
    @Path("/launch")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @HeaderParam("User-Agent") String agent) {
        try {
            String host = request.authority() == null ? null : request.authority().host();
            LaunchService.Landing landing = launches.launch(idToken, state, agent, request.scheme(), host);
            return Response.seeOther(URI.create(landing.location())).cookie(landing.cookie()).build();
        } catch (Problem p) {
            return forBrowser(p);
        }
    }

    /** A browser (it asks for HTML before JSON) gets a page; anything else the problem as usual. */
    private Response forBrowser(Problem p) {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) throw p;
        String lang = language.get();
        String detail = Texts.problem(lang, p.code(), p.args());
        String title = Texts.of(lang, "lti.refused");
        String html = "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"/css/adal.css\"></head><body><main class=\"card\"><h1>" + escape(title)
                + "</h1><p class=\"problem\" data-code=\"" + escape(p.code()) + "\">" + escape(detail) + "</p></main></body></html>";
        return Response.status(p.status()).type("text/html; charset=utf-8").entity(html).build();
    }

    // ---- the admin's registrations

    @GET
    @Path("/platforms")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    public PlatformService.Overview platforms() {
        return platforms.overview(base());
    }

    @POST
    @Path("/platforms")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PlatformService.PlatformView create(PlatformService.PlatformRequest r) {
        return platforms.create(r);
    }

    @PUT
    @Path("/platforms/{id}")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PlatformService.PlatformView update(@PathParam("id") UUID id, PlatformService.PlatformRequest r) {
        return platforms.update(id, r);
    }

    // ---- deep linking

    @GET
    @Path("/deep-links/{id}")
    @RolesAllowed(Role.Names.TEACHER)
    public DeepLinkService.Request deepLink(@PathParam("id") UUID id) {
        return deepLinks.request(id);
    }

    public record Pick(UUID examId) {}

    @POST
    @Path("/deep-links/{id}")
    @RolesAllowed(Role.Names.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    public DeepLinkService.Answer answer(@PathParam("id") UUID id, Pick pick) {
        return deepLinks.answer(id, pick == null ? null : pick.examId());
    }

    /**
     * The page that posts the signed deep-linking response to the platform, as LTI requires (a form POST of {@code JWT}
     * from the browser). One time: the code is spent. The only page allowed to post a form off-site (SecurityHeaders).
     */
    @GET
    @Path("/handoff/{code}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String handoff(@PathParam("code") String code) {
        DeepLinkService.Handoff h = deepLinks.handoff(code);
        String lang = language.get();
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Adal</title>"
                + "<link rel=\"stylesheet\" href=\"/css/adal.css\"></head><body><main class=\"card\">"
                + "<form id=\"lti-handoff\" method=\"post\" action=\"" + escape(h.returnUrl()) + "\">"
                + "<input type=\"hidden\" name=\"JWT\" value=\"" + escape(h.jwt()) + "\">"
                + "<p>" + escape(Texts.of(lang, "lti.handoff")) + "</p>"
                + "<button type=\"submit\">" + escape(Texts.of(lang, "lti.continue")) + "</button></form>"
                + "<script src=\"/js/lti-handoff.js\"></script></main></body></html>";
    }

    // ---- activities, roster

    @GET
    @Path("/links")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public List<RosterService.LinkView> links() {
        return rosters.links();
    }

    @POST
    @Path("/links/{id}/roster")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public RosterService.Result roster(@PathParam("id") UUID id) {
        return rosters.sync(id);
    }

    /** Adal's address as platforms reach it: the configured public URL, else this request's scheme and host. */
    private String base() {
        String configured = config.publicUrl().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (configured != null) return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return request.scheme() + "://" + request.authority();
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
