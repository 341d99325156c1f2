package kz.adal.identity;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import kz.adal.testing.OidcProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on against a real OpenID Provider (node-oidc-provider, {@link OidcProvider}) with its own keys: the
 * whole code flow as a browser makes it (redirects, the provider's log-in and consent forms, the callback), driven
 * with the JDK HTTP client and a cookie jar.
 */
@QuarkusTest
class SsoTest {
    @TestHTTPResource("/")
    URL base;

    private OidcProvider provider;

    @BeforeEach
    void provider() {
        provider = OidcProvider.shared(base.toString());
    }

    @Test
    void aUniversityLoginThatMatchesAnAdalLoginSignsInAndTheCookieGivesAdalsOwnTokens() throws Exception {
        Flow f = new Flow();
        URI back = f.signIn("/api/sso/login?next=" + URLEncoder.encode("/student/index.html", StandardCharsets.UTF_8), "student");
        assertEquals("/", back.getPath(), "back on Adal's login page: " + back);
        assertEquals("sso", query(back).get("signed-in"));
        assertEquals("/student/index.html", query(back).get("next"));
        given().cookie("adal_refresh", f.refreshCookie()).contentType("application/json").body("{}")
                .post("/api/auth/refresh").then().statusCode(200)
                .body("user.login", equalTo("student"));
    }

    @Test
    void aPersonWhoseLoginAdalDoesNotKnowIsMatchedByAVerifiedEmailOnly() throws Exception {
        String login = "sso.mail." + UUID.randomUUID().toString().substring(0, 8);
        String email = login + "@staff.example";
        Api.as("admin").body(Map.of("login", login, "fullName", "Сәуле Жанова", "email", email,
                "roles", new String[]{"TEACHER"}, "password", "right-pass1")).post("/api/users").then().statusCode(200);

        Flow verified = new Flow();
        URI back = verified.signIn("/api/sso/login", "mail:" + email);
        assertEquals("sso", query(back).get("signed-in"), back.toString());
        given().cookie("adal_refresh", verified.refreshCookie()).contentType("application/json").body("{}")
                .post("/api/auth/refresh").then().statusCode(200).body("user.login", equalTo(login));

        // the same address, but the provider did not verify it: that could be anyone who typed it
        Flow unverified = new Flow();
        URI refused = unverified.signIn("/api/sso/login", "unverified:" + email);
        assertEquals("SSO_NO_ACCOUNT", query(refused).get("sso-error"));
        assertEquals(null, unverified.refreshCookie());
    }

    @Test
    void nobodyIsCreated_anUnknownPersonIsSentBackWithAReasonInTheirLanguage() throws Exception {
        Flow f = new Flow();
        URI back = f.signIn("/api/sso/login", "nobody-" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals("SSO_NO_ACCOUNT", query(back).get("sso-error"));
        String kk = given().header("Accept-Language", "kk").get("/api/sso/offer?refusal=SSO_NO_ACCOUNT").then().statusCode(200)
                .extract().path("refusal");
        String ru = given().header("Accept-Language", "ru").get("/api/sso/offer?refusal=SSO_NO_ACCOUNT").then().statusCode(200)
                .extract().path("refusal");
        assertTrue(kk.contains("деканат"), kk);
        assertTrue(ru.contains("деканат"), ru);
        assertNotEquals(kk, ru);
        // a code that is not a sign-in's refusal is not worded (the page shows nothing)
        given().get("/api/sso/offer?refusal=NOT_FOUND").then().statusCode(200).body("refusal", equalTo(null)).body("enabled", equalTo(true));
    }

    @Test
    void aCallbackPlayedAgainOrWithAStateAdalNeverIssuedSignsNobodyIn() throws Exception {
        Flow f = new Flow();
        URI callback = f.untilCallback("/api/sso/login", "student");
        URI first = f.follow(callback);
        assertEquals("sso", query(first).get("signed-in"));
        // the same code and state once more (a copied address, an attacker replaying it)
        Flow replay = new Flow();
        URI again = replay.follow(callback);
        assertEquals("SSO_STATE_UNKNOWN", query(again).get("sso-error"));
        assertEquals(null, replay.refreshCookie());
        // a forged state
        Map<String, String> q = query(callback);
        URI forged = URI.create(base + "api/sso/callback?code=" + q.get("code") + "&state=forged-" + UUID.randomUUID());
        assertEquals("SSO_STATE_UNKNOWN", query(new Flow().follow(forged)).get("sso-error"));
    }

    @Test
    void theProvidersRefusalIsSaidAndLeavesNoSession() throws Exception {
        Flow f = new Flow();
        URI toProvider = f.follow(URI.create(base + "api/sso/login"));
        String state = query(toProvider).get("state");
        URI back = f.follow(URI.create(base + "api/sso/callback?error=access_denied&state=" + state));
        assertEquals("SSO_PROVIDER_REFUSED", query(back).get("sso-error"));
        assertEquals(null, f.refreshCookie());
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderNoLongerPublishesIsRefused_aRotatedKeyIsFetched() throws Exception {
        // sign in once so Adal has read the provider's keys
        assertEquals("sso", query(new Flow().signIn("/api/sso/login", "student")).get("signed-in"));
        // the provider rotates its key: Adal fetches the new key set when a token names a key it has not seen
        provider.restart(base.toString(), "key-2-" + UUID.randomUUID().toString().substring(0, 6));
        // Adal asks a provider for its keys at most every 5 s (tokens naming random keys must not flood it), so the
        // first sign-in after the rotation may still be refused; one within 20 s must get through
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertEquals("sso", query(new Flow().signIn("/api/sso/login", "student")).get("signed-in"),
                        "after the provider's key rotation: " + provider.log()));
    }

    static Map<String, String> query(URI u) {
        Map<String, String> m = new LinkedHashMap<>();
        if (u.getRawQuery() == null) return m;
        for (String kv : u.getRawQuery().split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** One browser: a cookie jar, redirects followed by hand so each hop can be seen. */
    final class Flow {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Starts at an Adal address, signs in at the provider as {@code who}, returns where Adal sent the browser. */
        URI signIn(String start, String who) throws Exception {
            return follow(untilCallback(start, who));
        }

        /** Follows the flow up to the provider's redirect back to Adal's callback (not followed). */
        URI untilCallback(String start, String who) throws Exception {
            URI at = URI.create(base + start.substring(1));
            for (int hop = 0; hop < 20; hop++) {
                if (at.getPath().equals("/api/sso/callback")) return at;
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(at).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 3) {
                    at = at.resolve(r.headers().firstValue("Location").orElseThrow());
                } else if (r.statusCode() == 200 && r.body().contains("<form")) {
                    at = submit(at, r.body(), who);
                } else {
                    throw new AssertionError("unexpected " + r.statusCode() + " at " + at + ": " + r.body());
                }
            }
            throw new AssertionError("the sign-in did not come back to Adal");
        }

        /** One GET; the Location it redirects to. */
        URI follow(URI u) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode(), u + " → " + r.statusCode() + " " + r.body());
            return u.resolve(r.headers().firstValue("Location").orElseThrow());
        }

        /** The provider's log-in form (login, any password) or its consent form (continue). */
        private URI submit(URI at, String html, String who) throws IOException, InterruptedException {
            Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
            assertTrue(action.find(), html);
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
            while (hidden.find()) fields.put(hidden.group(1), hidden.group(2));
            if (html.contains("name=\"login\"")) {
                fields.put("login", who);
                fields.put("password", "any");
            }
            String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            URI target = at.resolve(action.group(1).replace("&amp;", "&"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() / 100 == 3, "the provider's form answered " + r.statusCode() + ": " + r.body());
            return target.resolve(r.headers().firstValue("Location").orElseThrow());
        }

        String refreshCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("adal_refresh"))
                    .map(java.net.HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
        }
    }
}
