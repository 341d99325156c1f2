package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Password hashing can't take every core: when every hashing slot is busy, a login is refused at once. */
@QuarkusTest
class PasswordCheckGateTest {
    @Inject
    PasswordCheckGate gate;
    @Inject
    IdentityConfig config;

    @Test
    void aLoginThatFindsEveryHashingSlotBusyIsRefusedWithRetryAfter() {
        holdSlots(config.passwordChecks().concurrent(), () ->
                given().contentType(ContentType.JSON).body(Map.of("login", "teacher", "password", Api.PASSWORD))
                        .post("/api/auth/login").then().statusCode(429)
                        .contentType(containsString("problem+json"))
                        .body("code", equalTo("LOGIN_BUSY"))
                        .header("Retry-After", notNullValue()));
        // and once the slots are free again, the same login works
        given().contentType(ContentType.JSON).body(Map.of("login", "teacher", "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }

    private void holdSlots(int n, Runnable whileHeld) {
        if (n == 0) {
            whileHeld.run();
            return;
        }
        gate.check(() -> {
            holdSlots(n - 1, whileHeld);
            return null;
        });
    }
}
