package kz.adal.attempt;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Safe Exam Browser per exam (issue 18): with SEB required, the start and every request of the attempt carry
 * SEB's key headers — right, wrong or absent — and what SEB's JavaScript API gives the page counts the same.
 * The hashes here are computed as SEB computes them (SHA-256 of the URL followed by the key), not by Adal's code.
 */
@QuarkusTest
class SebApiTest {
    @TestHTTPResource("/")
    URL base;

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** The request as SEB sends it: X-SafeExamBrowser-ConfigKeyHash over this request's own URL. */
    private RequestSpecification inSeb(Given.Student st, String path, String configKey) throws Exception {
        return st.api().header("X-SafeExamBrowser-ConfigKeyHash", sha256(url(path) + configKey));
    }

    private static String requireSeb(Given.Sitting s, Map<String, Object> body) {
        return Api.as("teacher").body(body).put("/api/exams/" + s.examId() + "/seb").then().statusCode(200)
                .body("required", equalTo(body.get("required"))).body("configKey", matchesPattern("[0-9a-f]{64}"))
                .extract().path("configKey");
    }

    @Test
    void anExamThatRequiresSebRefusesOtherBrowsersAndTakesSebsHeaders() throws Exception {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        Given.Student st = s.student();
        st.api().get("/api/student/exams/" + s.examId() + "/seb").then().statusCode(200).body("required", equalTo(false));
        String key = requireSeb(s, Map.of("required", true));

        // absent: refused with its own code, and the check page is told where the file is
        st.api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(403)
                .contentType(containsString("problem+json")).body("code", equalTo("SEB_REQUIRED"));
        st.api().get("/api/student/exams/" + s.examId() + "/seb").then().statusCode(200)
                .body("required", equalTo(true)).body("inSeb", equalTo(false))
                .body("configUrl", equalTo("/api/exams/" + s.examId() + "/seb/config.seb"));
        // the file opens the exam's check page on this very address
        String file = st.api().get("/api/exams/" + s.examId() + "/seb/config.seb").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(file.contains("<string>" + url("/student/check.html?exam=" + s.examId()) + "</string>"), file);

        // wrong: SEB with another configuration, or the right hash of another URL
        String open = "/api/exams/" + s.examId() + "/attempt";
        inSeb(st, open, "f".repeat(64)).post(open).then().statusCode(403).body("code", equalTo("SEB_KEY_MISMATCH"));
        st.api().header("X-SafeExamBrowser-ConfigKeyHash", sha256(url("/api/student/exams") + key)).post(open)
                .then().statusCode(403).body("code", equalTo("SEB_KEY_MISMATCH"));

        // right: the check page sees SEB, the attempt opens and is sat
        String check = "/api/student/exams/" + s.examId() + "/seb";
        inSeb(st, check, key).get(check).then().statusCode(200).body("inSeb", equalTo(true));
        String id = inSeb(st, open, key).post(open).then().statusCode(200).extract().path("id");
        String start = "/api/attempts/" + id + "/start";
        inSeb(st, start, key).body(Map.of()).post(start).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        String paper = "/api/attempts/" + id + "/paper";
        st.api().get(paper).then().statusCode(403).body("code", equalTo("SEB_REQUIRED"));
        inSeb(st, paper, key).get(paper).then().statusCode(200);
        String answer = "/api/attempts/" + id + "/answers/0";
        st.api().body(Map.of("selected", List.of(1), "seq", 1)).put(answer).then().statusCode(403);
        inSeb(st, answer, key).body(Map.of("selected", List.of(1), "seq", 1)).put(answer).then().statusCode(200);

        // SEB's JavaScript API (newer engines): the page sends the key hashed with its own URL
        String page = url("/student/exam.html?attempt=" + id);
        st.api().header("X-Adal-Seb-Page", page + "#q1").header("X-Adal-Seb-Config-Key-Hash", sha256(page + key))
                .get(paper).then().statusCode(200);
        st.api().header("X-Adal-Seb-Page", "https://elsewhere.example/student/exam.html").header("X-Adal-Seb-Config-Key-Hash",
                sha256("https://elsewhere.example/student/exam.html" + key)).get(paper).then().statusCode(403).body("code", equalTo("SEB_KEY_MISMATCH"));

        String submit = "/api/attempts/" + id + "/submit";
        inSeb(st, submit, key).post(submit).then().statusCode(200);
        // after SEB has quit, the result and the receipt are read in any browser
        st.api().get("/api/attempts/" + id + "/receipt").then().statusCode(200);
    }

    @Test
    void keysOfTheUniversitysOwnFileAndApprovedBuildsAreAcceptedToo() throws Exception {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        String ownFile = "a1".repeat(32), build = "B2".repeat(32);
        Api.as("teacher").body(Map.of("required", true, "extraConfigKeys", List.of("not a key", "12"))).put("/api/exams/" + s.examId() + "/seb")
                .then().statusCode(400).body("code", equalTo("SEB_KEY_INVALID")).body("errors.field", hasItem("extraConfigKeys"));
        requireSeb(s, Map.of("required", true, "extraConfigKeys", List.of(ownFile), "browserExamKeys", List.of(build)));
        Api.as("teacher").get("/api/exams/" + s.examId() + "/seb").then().statusCode(200)
                .body("extraConfigKeys", equalTo(List.of(ownFile))).body("browserExamKeys", equalTo(List.of(build.toLowerCase())));

        String open = "/api/exams/" + s.examId() + "/attempt";
        inSeb(s.student(), open, ownFile).post(open).then().statusCode(200);
        String again = "/api/student/exams/" + s.examId() + "/seb";
        s.student().api().header("X-SafeExamBrowser-RequestHash", sha256(url(again) + build.toLowerCase())).get(again)
                .then().statusCode(200).body("inSeb", equalTo(true));
    }

    @Test
    void onlyTheExamsAuthorOrAHeadOfDepartmentChangesIt() {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        s.student().api().body(Map.of("required", true)).put("/api/exams/" + s.examId() + "/seb").then().statusCode(403);
        Api.as("teacher").body(Map.of()).put("/api/exams/" + s.examId() + "/seb").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("errors.field", equalTo(List.of("required")));
        // without SEB required nothing changes for the student
        s.student().api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(200);
    }
}
