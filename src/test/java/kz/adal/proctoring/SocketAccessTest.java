package kz.adal.proctoring;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.identity.Role;
import kz.adal.identity.UserRows;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A live socket ends with the login it was opened with: logout, suspension or the loss of the role closes
 * it within seconds (close 4440 with the reason), instead of streaming on until the browser leaves.
 */
@QuarkusTest
class SocketAccessTest {

    @TestHTTPResource("/")
    URL base;

    private static void assertClosed(LiveSocket ws, String reason) throws Exception {
        assertEquals(4440, ws.closed.get(8, TimeUnit.SECONDS), "close code");
        assertEquals(reason, ws.closeReason);
    }

    @Test
    void theProctorsFeedStopsWhenTheProctorRoleIsRemoved() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        try (LiveSocket feed = LiveSocket.proctor(base, proctor.token())) {
            feed.tile(s.attemptId(), t -> true);
            Api.as("admin").body(new String[]{"TEACHER"}).put("/api/users/" + proctor.id() + "/roles").then().statusCode(200);
            assertClosed(feed, "role-removed");
        }
    }

    @Test
    void theProctorsFeedStopsOnLogout() throws Exception {
        Proctored.Person proctor = Proctored.proctor();
        String token = Api.freshToken(proctor.login(), Api.PASSWORD);
        try (LiveSocket feed = LiveSocket.proctor(base, token)) {
            given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
            assertClosed(feed, "session-ended");
        }
    }

    @Test
    void theStudentsSocketClosesWhenTheAccountIsSuspended() throws Exception {
        Proctored.Sitting s = Proctored.started();
        try (LiveSocket ws = LiveSocket.student(base, s.attemptId(), s.student().token(), "tab-1")) {
            ws.await(m -> LiveSocket.type(m, "ready"));
            Api.as("admin").body(Map.of("state", "SUSPENDED", "reason", "shared login")).put("/api/users/" + s.student().id() + "/state")
                    .then().statusCode(200);
            ws.error("ACCESS_ENDED");
            assertClosed(ws, "account-suspended");
        }
    }

    /** A revocation the node never heard of (another node, or straight in the database) is caught by the periodic re-check. */
    @Test
    void aSessionRevokedElsewhereIsCaughtByTheReCheck() throws Exception {
        Proctored.Person proctor = Proctored.person("proc", Set.of(Role.PROCTOR), null);
        String token = Api.freshToken(proctor.login(), Api.PASSWORD);
        try (LiveSocket feed = LiveSocket.proctor(base, token)) {
            UserRows.revokeSessionsInTheDatabase(proctor.id());
            assertClosed(feed, "session-ended");
        }
    }
}
