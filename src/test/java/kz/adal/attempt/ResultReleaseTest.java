package kz.adal.attempt;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Results with the correct answers never reach a student while another admitted student can still sit the
 * exam: release is refused with why and until when, and the result endpoint holds even a release in data.
 */
@QuarkusTest
class ResultReleaseTest {

    @Test
    void resultsWaitUntilNobodyAdmittedCanStillSit() {
        Given.Sitting a = Given.sitting();   // results "visible" from a second ago: released early in data
        Given.Student b = Given.student(groupOf(a));
        Given.admit(a.examId(), b.id());

        String first = AttemptApiTest.started(a);
        a.student().api().post("/api/attempts/" + first + "/submit").then().statusCode(200).body("resultsVisible", equalTo(false));
        a.student().api().get("/api/attempts/" + first + "/result").then().statusCode(409)
                .body("code", equalTo("RESULT_NOT_VISIBLE")).body("reason", equalTo("WINDOW_OPEN")).body("until", notNullValue())
                .body("detail", not(containsString("{0}")));
        Api.as("teacher").post("/api/exams/" + a.examId() + "/release-results").then().statusCode(409)
                .body("code", equalTo("RESULTS_HELD")).body("reason", equalTo("WINDOW_OPEN")).body("until", notNullValue());

        // the other admitted student sits and finishes: nobody can still sit it
        String second = AttemptApiTest.started(new Given.Sitting(a.examId(), b));
        Api.as("teacher").post("/api/exams/" + a.examId() + "/release-results").then().statusCode(409)
                .body("reason", equalTo("ATTEMPT_RUNNING"));
        b.api().post("/api/attempts/" + second + "/submit").then().statusCode(200);
        Api.as("teacher").post("/api/exams/" + a.examId() + "/release-results").then().statusCode(200);
        a.student().api().get("/api/attempts/" + first + "/result").then().statusCode(200).body("questions[0].correct", notNullValue());
    }

    private static String groupOf(Given.Sitting s) {
        return kz.adal.exam.ExamRows.groupCode(s.examId());
    }
}
