package kz.adal.identity;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.LossyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A refresh whose response is lost after the server rotated the token (a fault-injecting proxy
 * drops it): the client still holds the old token, and presenting it again must not end the session.
 */
@QuarkusTest
class LostRefreshResponseTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    TimeSource time;

    @AfterEach
    void resetClock() { time.reset(); }

    private static String login() {
        return given().contentType(ContentType.JSON).body(Map.of("login", "registrar", "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("refreshToken");
    }

    /** One request on its own connection, so the proxy's fault hits exactly this one. */
    private static HttpResponse<String> refreshVia(LossyProxy proxy, String token) throws IOException, InterruptedException {
        try (HttpClient client = LossyProxy.http11()) {
            return client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/api/auth/refresh"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + token + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aRefreshWhoseResponseWasLostCanBeRepeatedOnce() throws Exception {
        String refresh1 = login();
        try (LossyProxy proxy = new LossyProxy(base.getPort())) {
            proxy.dropNextResponses(1);
            assertThrows(IOException.class, () -> refreshVia(proxy, refresh1), "the response is lost on the way back");
            assertEquals(1, proxy.dropped());

            HttpResponse<String> again = refreshVia(proxy, refresh1);
            assertEquals(200, again.statusCode(), again.body());
            String refresh3 = io.restassured.path.json.JsonPath.from(again.body()).getString("refreshToken");
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh3))
                    .post("/api/auth/refresh").then().statusCode(200);
            // the lost refresh had reached the server and rotated refresh1 out (the retry used its one
            // grace): a third use is reuse. Had the proxy cut the request before the server, this would pass.
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                    .post("/api/auth/refresh").then().statusCode(401).body("code", equalTo("REFRESH_REUSED"));
        }
    }

    @Test
    void aRotatedOutTokenPresentedTwiceEndsTheSession() {
        String refresh1 = login();
        String refresh2 = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                .post("/api/auth/refresh").then().statusCode(200);
        // a thief and the student both hold refresh1: the second use is real reuse
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                .post("/api/auth/refresh").then().statusCode(401).body("code", equalTo("REFRESH_REUSED"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh2))
                .post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void aRotatedOutTokenPresentedAfterTheGraceEndsTheSession() {
        String refresh1 = login();
        String refresh2 = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("refreshToken");
        time.advance(Duration.ofSeconds(61));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh1))
                .post("/api/auth/refresh").then().statusCode(401).body("code", equalTo("REFRESH_REUSED"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh2))
                .post("/api/auth/refresh").then().statusCode(401);
    }
}
