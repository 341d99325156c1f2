package kz.adal.oral;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The oral room closes for a person who logged out (close 4440 "session-ended"); the others stay. */
@QuarkusTest
class RoomAccessTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theRoomClosesForSomeoneWhoLoggedOut() throws Exception {
        String sitting = OralFixture.create(OralFixture.setup()).getString("sittingId");
        String token = Api.freshToken("secretary", Api.PASSWORD);
        try (RoomSocket secretary = RoomSocket.join(base, sitting, token);
             RoomSocket chair = RoomSocket.join(base, sitting, Api.token("chair"))) {
            given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
            assertEquals(4440, secretary.closed.get(8, TimeUnit.SECONDS));
            assertEquals("session-ended", secretary.closeReason);
            chair.send(java.util.Map.of("type", "ping", "sittingId", sitting));
            chair.await(m -> RoomSocket.type(m, "pong"));
        }
    }
}
