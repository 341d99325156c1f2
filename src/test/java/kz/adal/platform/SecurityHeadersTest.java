package kz.adal.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The browser-side policies are on pages, scripts and the API alike; metrics are not on the public port. */
@QuarkusTest
class SecurityHeadersTest {
    @Test
    void pagesScriptsAndTheApiCarryThePolicies() {
        for (String path : new String[]{"/index.html", "/js/adal.js", "/api/auth/me", "/api/openapi"}) {
            RestAssured.given().get(path).then()
                    .header("Content-Security-Policy", allOf(containsString("default-src 'self'"), containsString("object-src 'none'"),
                            containsString("frame-ancestors 'self'"), containsString("base-uri 'self'"),
                            not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))))
                    .header("Permissions-Policy", containsString("camera=(self)"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        // an error answer too
        Api.as("student").get("/api/users").then().statusCode(403).header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void metricsAreOnlyOnTheManagementPort() {
        RestAssured.given().get("/metrics").then().statusCode(404);
        RestAssured.given().get("http://127.0.0.1:" + managementPort() + "/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    /** The management interface listens on a free port in tests (several test JVMs may share a machine). */
    private static int managementPort() {
        try {
            var f = io.quarkus.vertx.http.runtime.VertxHttpRecorder.class.getDeclaredField("actualManagementPort");
            f.setAccessible(true);
            return f.getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRefreshCookieIsSecureOnceTheServerIsReachedByName() {
        RestAssured.given().contentType(ContentType.JSON).header("Host", "exam.example.edu")
                .body(Map.of("login", "teacher", "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200)
                .header("Set-Cookie", allOf(containsString("adal_refresh="), containsString("Secure"), containsString("HttpOnly")));
        // plain http on this machine (bin/demo): a browser would drop a Secure cookie there
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("login", "teacher", "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200)
                .header("Set-Cookie", not(containsString("Secure")));
    }
}
