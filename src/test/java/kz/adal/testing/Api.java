package kz.adal.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in as demo accounts (created by the test profile's demo data) and builds authorised requests. */
public final class Api {
    public static final String PASSWORD = "demo1234";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    public static String token(String login) {
        return TOKENS.computeIfAbsent(login, l -> freshToken(l, PASSWORD));
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
        return RestAssured.given().auth().oauth2(TOKENS.computeIfAbsent(login, l -> freshToken(l, password))).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** Forget cached tokens (after a logout or suspension in a test). */
    public static void forget(String login) {
        TOKENS.remove(login);
    }
}
