package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each demo role against each guarded action: those not in the allowed set must be refused
 * (401/403). Allowed roles must get past the role check (any status but 401/403; the request
 * may still be invalid for other reasons).
 */
@QuarkusTest
class RoleMatrixTest {
    static final List<String> LOGINS = List.of("admin", "student", "teacher", "author", "head", "expert", "dean", "policy",
            "vicerector", "registrar", "portal", "proctor", "secretary", "reviewer");

    record Action(String method, String path, Object body, Set<String> allowed) {}

    static final String SOME = "00000000-0000-0000-0000-000000000001";

    static final List<Action> ACTIONS = List.of(
            new Action("GET", "/api/users", null, Set.of("admin", "head", "teacher", "author", "dean", "registrar", "secretary", "proctor")),
            new Action("POST", "/api/users", Map.of(), Set.of("admin")),
            new Action("POST", "/api/users/import", "login,full_name\n", Set.of("admin")),
            new Action("PUT", "/api/users/" + SOME + "/state", Map.of("state", "SUSPENDED", "reason", "x"), Set.of("admin")),
            new Action("PUT", "/api/users/" + SOME + "/roles", List.of("STUDENT"), Set.of("admin")),
            new Action("GET", "/api/audit/verify", null, Set.of("admin", "registrar", "reviewer")),
            new Action("GET", "/api/banks", null, Set.of("admin", "teacher", "author", "head", "expert")),
            new Action("POST", "/api/banks", Map.of(), Set.of("author")),
            new Action("POST", "/api/bank-versions/" + SOME + "/questions", Map.of(), Set.of("author")),
            new Action("POST", "/api/bank-versions/" + SOME + "/approval", Map.of(), Set.of("head")),
            new Action("POST", "/api/bank-versions/" + SOME + "/reviews", Map.of(), Set.of("head")),
            new Action("POST", "/api/experts", Map.of(), Set.of("head")),
            new Action("GET", "/api/reviews/mine", null, Set.of("expert")),
            new Action("POST", "/api/reviews/" + SOME + "/conclusion", Map.of(), Set.of("expert")));

    @Test
    void everyRoleIsRefusedWhatItMustNotDo() {
        List<String> wrong = new ArrayList<>();
        for (Action a : ACTIONS) {
            int anonymous = send(Api.anonymous(), a).statusCode();
            if (anonymous != 401) wrong.add("anonymous " + a.method() + " " + a.path() + " → " + anonymous);
            for (String login : LOGINS) {
                int status = send(Api.as(login), a).statusCode();
                boolean refused = status == 401 || status == 403;
                if (a.allowed().contains(login) == refused) {
                    wrong.add(login + " " + a.method() + " " + a.path() + " → " + status + (refused ? " (should pass the role check)" : " (should be refused)"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static Response send(io.restassured.specification.RequestSpecification spec, Action a) {
        if (a.body() instanceof String s) spec = spec.contentType("text/csv").body(s);
        else if (a.body() != null) spec = spec.body(a.body());
        return spec.request(a.method(), a.path());
    }
}
