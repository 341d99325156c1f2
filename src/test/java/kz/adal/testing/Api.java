package kz.adal.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in as demo accounts (created by the test profile's demo data) and builds authorised requests. */
public final class Api {
    public static final String PASSWORD = "demo1234";
    /**
     * Tokens are reused across test classes, but the server refuses an access token older than
     * {@code mp.jwt.verify.token.age} (660 s) whatever its expiry, and the suite runs for longer than that on one
     * application instance: a token is logged in again once it is five minutes old.
     */
    private static final Duration REUSE_FOR = Duration.ofMinutes(5);
    private record Cached(String token, Instant at) {
        boolean fresh() { return Instant.now().isBefore(at.plus(REUSE_FOR)); }
    }
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    public static String token(String login) {
        return cached(login, PASSWORD);
    }

    private static String cached(String login, String password) {
        // per application (each test boot listens on a port of its own): a profile with a database of its own
        // (DemoModeProfile) has other ids for the same logins
        return TOKENS.compute(RestAssured.port + " " + login,
                (k, c) -> c != null && c.fresh() ? c : new Cached(freshToken(login, password), Instant.now())).token();
    }

    public static String freshToken(String login, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login").then().statusCode(200)
                .extract().path("accessToken");
    }

    /** A request as the given demo login, JSON by default. */
    public static RequestSpecification as(String login) {
        return RestAssured.given().auth().oauth2(token(login)).contentType(ContentType.JSON);
    }

    /** A request as an account created in a test with its own password. */
    public static RequestSpecification as(String login, String password) {
        return RestAssured.given().auth().oauth2(cached(login, password)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** Forget cached tokens (after a logout or suspension in a test). */
    public static void forget(String login) {
        TOKENS.remove(RestAssured.port + " " + login);
    }
}
