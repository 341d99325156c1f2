package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kz.adal.testing.Api;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins are counted per login and client address. The addresses are real: each device connects from its own
 * loopback address (all of 127.0.0.0/8 is the local host on Linux), so the test runs on the default boot, with the
 * server reading the peer address as it does without a proxy. Behind a proxy Quarkus puts the forwarded address in
 * the same place (quarkus.http.proxy.*, docs/deploy.md), so the throttle's code path is the same.
 */
@QuarkusTest
class LoginThrottleTest {

    private static ValidatableResponse login(String login, String password, String from) {
        return given().config(from(from)).contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password)).post("/api/auth/login").then();
    }

    /** RestAssured's HTTP client bound to one local source address. */
    private static RestAssuredConfig from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", local));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static void createStudent(String login) {
        Api.as("admin").body(Map.of("login", login, "fullName", "Throttle Student", "roles", new String[]{"STUDENT"},
                "groupCode", "G-1", "instructionLanguage", "en", "password", "own-pass-77")).post("/api/users").then().statusCode(200);
    }

    @Test
    void aStrangerCannotLockAStudentOutOfTheirOwnDevice() {
        createStudent("locked.student");
        for (int i = 0; i < 5; i++) login("locked.student", "guess-" + i + "x", "127.0.0.9").statusCode(401);
        // the stranger's address now waits, even with the right password
        login("locked.student", "own-pass-77", "127.0.0.9").statusCode(429)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("LOGIN_LOCKED")).header("Retry-After", notNullValue());
        // the student, from their own device minutes before the exam, gets in
        login("locked.student", "own-pass-77", "127.0.0.20").statusCode(200).body("accessToken", notNullValue());
    }

    @Inject
    TimeSource time;

    @AfterEach
    void realTime() { time.reset(); }

    @Test
    void theWaitGrowsForAGuesserWhoKeepsTrying() {
        createStudent("slow.guess");
        for (int i = 0; i < 5; i++) login("slow.guess", "guess-" + i + "x", "127.0.0.10").statusCode(401);
        int first = retryAfter(login("slow.guess", "guess-5x", "127.0.0.10").statusCode(429));
        assertTrue(first > 0 && first <= 31, "a first wait of seconds: " + first);
        time.advance(Duration.ofSeconds(31));
        login("slow.guess", "guess-6x", "127.0.0.10").statusCode(401);
        int second = retryAfter(login("slow.guess", "guess-7x", "127.0.0.10").statusCode(429));
        assertTrue(second > 31 && second <= 61, "the wait doubled: " + second);
    }

    private static int retryAfter(ValidatableResponse r) {
        return Integer.parseInt(r.extract().header("Retry-After"));
    }
}
