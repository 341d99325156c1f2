package kz.adal.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LTI 1.3 Advantage platform as Moodle behaves, for the tests: it holds its own RSA keys (and rotates them), serves
 * its JWKS, answers the tool's login-initiation redirect at its authentication endpoint with an auto-posting form that
 * carries a signed id_token, issues service tokens at its token endpoint only for a client assertion that verifies
 * against the tool's public JWKS (fetched over HTTP), takes AGS scores, serves NRPS memberships and receives deep-linking
 * responses. It talks to Adal only over HTTP, never through Adal's classes.
 */
final class PlatformEmulator implements AutoCloseable {
    static final String CLIENT_ID = "adal-tool-client";
    static final String DEPLOYMENT = "moodle-deployment-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    /** What the platform puts in the id_token of one launch; tests break one part at a time. */
    static final class Launch {
        String subject = "moodle-user-" + UUID.randomUUID();
        String email;
        String username;
        String name = "Moodle User";
        List<String> roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        String messageType = "LtiResourceLinkRequest";
        String examId;
        String resourceLinkId = "rl-" + UUID.randomUUID();
        String deployment = DEPLOYMENT;
        String audience = CLIENT_ID;
        Instant issuedAt;
        Instant expiresAt;
        /** Sign with this key instead of the platform's (a forgery), keeping the platform's key id. */
        RSAKey forgeWith;
        boolean grades = true;
        boolean roster = true;
        String contextId = "course-101";

        Launch learner(String examId) { this.examId = examId; return this; }
        Launch as(String username, String email) { this.username = username; this.email = email; return this; }
    }

    record Score(String lineitem, Map<String, Object> body, String contentType) {}

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String adalBase;
    private volatile RSAKey key;
    private final Map<String, Launch> pending = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
    final List<Score> scores = new CopyOnWriteArrayList<>();
    final List<JWTClaimsSet> deepLinkResponses = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> members = new CopyOnWriteArrayList<>();
    final List<String> refusedTokenRequests = new CopyOnWriteArrayList<>();
    volatile int jwksFetches;

    PlatformEmulator(String adalBase) throws Exception {
        this.adalBase = adalBase;
        this.key = newKey();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", this::jwks);
        server.createContext("/start", this::start);
        server.createContext("/auth", this::auth);
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::lineitem);
        server.createContext("/memberships", this::memberships);
        server.createContext("/deep-link-return", this::deepLinkReturn);
        server.start();
    }

    String issuer() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** The registration the admin enters in Adal for this platform. */
    Map<String, Object> registration(String name) {
        return Map.of("name", name, "issuer", issuer(), "clientId", CLIENT_ID, "deploymentIds", List.of(DEPLOYMENT),
                "authEndpoint", issuer() + "/auth", "tokenEndpoint", issuer() + "/token", "jwksUrl", issuer() + "/jwks");
    }

    static RSAKey newKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID("platform-" + UUID.randomUUID()).generate();
    }

    /** The platform rotates its keys: the JWKS now has only the new one. */
    void rotate() throws Exception { key = newKey(); }

    String keyId() { return key.getKeyID(); }

    /** Where a browser starts a launch (the course page's link); the page posts the login initiation to Adal. */
    String startUrl(Launch l) {
        String hint = UUID.randomUUID().toString();
        pending.put(hint, l);
        return issuer() + "/start?hint=" + hint;
    }

    /** A launch as a browser would make it, up to the id_token: login initiation at Adal, then the auth endpoint. */
    Map<String, String> launchForm(Launch l) throws Exception {
        String hint = UUID.randomUUID().toString();
        pending.put(hint, l);
        String login = adalBase + "/api/lti/login?" + query(loginParams(hint, l));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(login)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) throw new IllegalStateException("login initiation answered " + r.statusCode() + ": " + r.body());
        String auth = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(auth)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) throw new IllegalStateException("auth answered " + form.statusCode() + ": " + form.body());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(form.body());
        while (m.find()) fields.put(m.group(1), m.group(2));
        return fields;
    }

    private Map<String, String> loginParams(String hint, Launch l) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", issuer());
        p.put("login_hint", l.subject);
        p.put("target_link_uri", adalBase + "/api/lti/launch");
        p.put("lti_message_hint", hint);
        p.put("client_id", CLIENT_ID);
        p.put("lti_deployment_id", DEPLOYMENT);
        return p;
    }

    // ---- endpoints

    private void jwks(HttpExchange x) throws IOException {
        jwksFetches++;
        send(x, 200, "application/json", JSON.writeValueAsString(new JWKSet(key.toPublicJWK()).toJSONObject(true)));
    }

    private void start(HttpExchange x) throws IOException {
        String hint = params(x.getRequestURI().getRawQuery()).get("hint");
        Launch l = pending.get(hint);
        if (l == null) { send(x, 404, "text/plain", "no such launch"); return; }
        send(x, 200, "text/html", autoPost(adalBase + "/api/lti/login", loginParams(hint, l)));
    }

    /** The OIDC authentication endpoint: checks the request as Moodle does and answers with the id_token form. */
    private void auth(HttpExchange x) throws IOException {
        Map<String, String> q = params(x.getRequestURI().getRawQuery());
        Launch l = pending.remove(q.getOrDefault("lti_message_hint", ""));
        List<String> wrong = new ArrayList<>();
        if (!"openid".equals(q.get("scope"))) wrong.add("scope");
        if (!"id_token".equals(q.get("response_type"))) wrong.add("response_type");
        if (!"form_post".equals(q.get("response_mode"))) wrong.add("response_mode");
        if (!"none".equals(q.get("prompt"))) wrong.add("prompt");
        if (!CLIENT_ID.equals(q.get("client_id"))) wrong.add("client_id");
        if (!(adalBase + "/api/lti/launch").equals(q.get("redirect_uri"))) wrong.add("redirect_uri");
        if (q.get("nonce") == null || q.get("state") == null) wrong.add("nonce/state");
        if (l == null || !l.subject.equals(q.get("login_hint"))) wrong.add("login_hint/lti_message_hint");
        if (!wrong.isEmpty()) { send(x, 400, "text/plain", "invalid authentication request: " + wrong); return; }
        try {
            String idToken = idToken(l, q.get("nonce"));
            send(x, 200, "text/html", autoPost(q.get("redirect_uri"), Map.of("id_token", idToken, "state", q.get("state"))));
        } catch (Exception e) {
            send(x, 500, "text/plain", e.toString());
        }
    }

    String idToken(Launch l, String nonce) throws Exception {
        Instant now = Instant.now();
        Instant iat = l.issuedAt != null ? l.issuedAt : now;
        Instant exp = l.expiresAt != null ? l.expiresAt : now.plusSeconds(60);
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer()).subject(l.subject).audience(l.audience)
                .issueTime(Date.from(iat)).expirationTime(Date.from(exp)).claim("nonce", nonce).claim("azp", l.audience)
                .claim("name", l.name)
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", l.deployment)
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", l.messageType)
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", l.roles)
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", adalBase + "/api/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", l.contextId, "label", "ALG-101",
                        "title", "Algebra 101"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/tool_platform", Map.of("name", "Emulated Moodle", "product_family_code", "moodle"));
        if (l.email != null) c.claim("email", l.email);
        if (l.username != null) c.claim("https://purl.imsglobal.org/spec/lti/claim/ext", Map.of("user_username", l.username, "lms", "moodle-2"));
        if (l.messageType.equals("LtiResourceLinkRequest")) {
            c.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", l.resourceLinkId, "title", "Adal exam"));
            if (l.examId != null) c.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("adal_exam", l.examId));
            if (l.grades) {
                c.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitems", issuer() + "/lineitems/?type_id=1",
                        "lineitem", issuer() + "/lineitems/" + l.resourceLinkId + "/lineitem?type_id=1"));
            }
            if (l.roster) {
                c.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", issuer() + "/memberships?course=" + l.contextId, "service_versions", List.of("2.0")));
            }
        } else {
            c.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                    "deep_link_return_url", issuer() + "/deep-link-return", "accept_types", List.of("ltiResourceLink"),
                    "accept_presentation_document_targets", List.of("iframe", "window"), "data", "moodle-opaque-42"));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                c.build());
        jwt.sign(new RSASSASigner(l.forgeWith != null ? l.forgeWith : key));
        return jwt.serialize();
    }

    /** The token endpoint: client credentials with an RFC 7523 assertion that must verify against Adal's JWKS. */
    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = params(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            if (!"client_credentials".equals(f.get("grant_type"))) throw new IllegalArgumentException("grant_type");
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))) {
                throw new IllegalArgumentException("client_assertion_type");
            }
            SignedJWT a = SignedJWT.parse(f.get("client_assertion"));
            JWKSet toolKeys = JWKSet.parse(client.send(HttpRequest.newBuilder(URI.create(adalBase + "/api/lti/jwks")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JWK k = toolKeys.getKeyByKeyId(a.getHeader().getKeyID());
            if (k == null || !a.verify(new RSASSAVerifier(k.toRSAKey()))) throw new IllegalArgumentException("signature");
            JWTClaimsSet c = a.getJWTClaimsSet();
            if (!CLIENT_ID.equals(c.getIssuer()) || !CLIENT_ID.equals(c.getSubject())) throw new IllegalArgumentException("iss/sub");
            if (c.getAudience() == null || !c.getAudience().contains(issuer() + "/token")) throw new IllegalArgumentException("aud");
            if (c.getExpirationTime() == null || c.getExpirationTime().before(new Date())) throw new IllegalArgumentException("exp");
            if (c.getJWTID() == null || !assertionIds.add(c.getJWTID())) throw new IllegalArgumentException("jti");
            String token = UUID.randomUUID().toString();
            tokens.put(token, Set.of(f.getOrDefault("scope", "").split(" ")));
            send(x, 200, "application/json", JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                    "expires_in", 3600, "scope", f.getOrDefault("scope", ""))));
        } catch (Exception e) {
            refusedTokenRequests.add(e.getMessage());
            send(x, 400, "application/json", "{\"error\":\"invalid_client\"}");
        }
    }

    private boolean authorised(HttpExchange x, String scope) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        Set<String> s = h == null || !h.startsWith("Bearer ") ? null : tokens.get(h.substring(7));
        return s != null && s.contains(scope);
    }

    /** AGS: POST {lineitem}/scores. */
    private void lineitem(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (!x.getRequestMethod().equals("POST") || !path.endsWith("/lineitem/scores")) { send(x, 404, "text/plain", "no"); return; }
        if (!authorised(x, "https://purl.imsglobal.org/spec/lti-ags/scope/score")) { send(x, 401, "text/plain", "token"); return; }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (!"application/vnd.ims.lis.v1.score+json".equals(type)) { send(x, 415, "text/plain", type); return; }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(x.getRequestBody(), Map.class);
        scores.add(new Score(path.substring(0, path.length() - "/scores".length()) + "?" + x.getRequestURI().getRawQuery(), body, type));
        send(x, 200, "application/json", "{}");
    }

    /** NRPS: the course's members. */
    private void memberships(HttpExchange x) throws IOException {
        if (!authorised(x, "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")) {
            send(x, 401, "text/plain", "token");
            return;
        }
        // pages of two members, the next one named in a Link header, as NRPS pages a long roster
        Map<String, String> q = params(x.getRequestURI().getRawQuery());
        int from = Integer.parseInt(q.getOrDefault("from", "0"));
        List<Map<String, Object>> page = members.subList(Math.min(from, members.size()), Math.min(from + 2, members.size()));
        if (from + 2 < members.size()) {
            x.getResponseHeaders().add("Link", "<" + issuer() + "/memberships?course=" + q.get("course") + "&from=" + (from + 2)
                    + ">; rel=\"next\"");
        }
        send(x, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", JSON.writeValueAsString(Map.of(
                "id", issuer() + x.getRequestURI(), "context", Map.of("id", "course-101", "label", "ALG-101", "title", "Algebra 101"),
                "members", page)));
    }

    /** Moodle's deep-linking return: the tool's JWT, verified against the tool's JWKS. */
    private void deepLinkReturn(HttpExchange x) throws IOException {
        Map<String, String> f = params(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT jwt = SignedJWT.parse(f.get("JWT"));
            JWKSet toolKeys = JWKSet.parse(client.send(HttpRequest.newBuilder(URI.create(adalBase + "/api/lti/jwks")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JWK k = toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (k == null || !jwt.verify(new RSASSAVerifier(k.toRSAKey()))) throw new IllegalArgumentException("signature");
            deepLinkResponses.add(jwt.getJWTClaimsSet());
            send(x, 200, "text/html", "<!doctype html><title>Moodle</title><h1 id=\"added\">Content added</h1>");
        } catch (Exception e) {
            send(x, 400, "text/plain", e.toString());
        }
    }

    // ---- plumbing

    static String autoPost(String action, Map<String, String> fields) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><form id=\"f\" method=\"post\" action=\"").append(esc(action)).append("\">");
        fields.forEach((k, v) -> b.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"").append(esc(v)).append("\">"));
        return b.append("</form><script>document.getElementById('f').submit();</script></body></html>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String query(Map<String, String> p) {
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type + (type.startsWith("text/") ? "; charset=utf-8" : ""));
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
