package kz.adal.media.consent;

import kz.adal.media.MediaGiven;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.exam.DeliveryMode;
import kz.adal.identity.UserRows;
import kz.adal.testing.Api;
import kz.adal.testing.DemoModeProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent to recording before a proctored exam (Law No. 94-V; 002 §1.15; 001 §6.13). */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class ConsentApiTest {

    static String consentPath(MediaGiven.Sitting s) {
        return "/api/exams/" + s.examId() + "/recording-consent";
    }

    @Test
    void tellsWhatIsRecordedWhyAndForHowLong() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        s.student().api().get(consentPath(s)).then().statusCode(200)
                .body("required", equalTo(true)).body("recorded", hasItem("SCREEN")).body("retention", equalTo("P1Y"))
                .body("retentionDays", equalTo(365)).body("alternativeSitting", notNullValue()).body("decision", nullValue());
        // another group's student does not see the exam
        MediaGiven.sitting().student().api().get(consentPath(s)).then().statusCode(404);
    }

    @Test
    void aProctoredExamStartsOnlyAfterConsentWithTheRulesAcknowledged() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.open();
        s.student().api().body("{}").post("/api/attempts/" + attempt + "/start").then().statusCode(409)
                .body("code", equalTo("ATTEMPT_CHECKS_PENDING")).body("errors.find { it.gate == 'consent' }.code", equalTo("CONSENT_MISSING"));
        s.student().api().body(Map.of("decision", "GRANTED", "rulesAcknowledged", false)).put(consentPath(s)).then().statusCode(400)
                .body("code", equalTo("CONSENT_RULES_NOT_ACKNOWLEDGED"));
        s.student().api().body(Map.of("decision", "GRANTED", "rulesAcknowledged", true, "noticeVersion", "2026-2")).put(consentPath(s))
                .then().statusCode(200).body("decision", equalTo("GRANTED"));
        s.student().api().body("{}").post("/api/attempts/" + attempt + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void aRefusalIsRecordedTheTeacherAndDeanAreToldAndNothingIsFailed() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.open();
        s.student().api().body(Map.of("decision", "REFUSED")).put(consentPath(s)).then().statusCode(200)
                .body("decision", equalTo("REFUSED")).body("alternativeSitting", notNullValue());

        s.student().api().body("{}").post("/api/attempts/" + attempt + "/start").then().statusCode(409)
                .body("errors.find { it.gate == 'consent' }.code", equalTo("CONSENT_REFUSED"));
        // never an automatic fail: the attempt waits in its checks, ungraded
        s.student().api().get("/api/attempts/" + attempt).then().statusCode(200).body("state", equalTo("CHECKS"))
                .body("finishedAt", nullValue());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> RecordingConsent.count("examId = ?1 and studentId = ?2 and decision = ?3",
                s.examId(), s.student().id(), RecordingConsent.Decision.REFUSED)));
        for (String who : new String[] {"teacher", "dean"}) {
            Api.as(who).get("/api/media/notifications").then().statusCode(200)
                    .body("find { it.examId == '" + s.examId() + "' }.topic", equalTo("recording.consent.refused"));
        }
        // the student may change their mind
        s.student().api().body(Map.of("decision", "GRANTED", "rulesAcknowledged", true)).put(consentPath(s)).then().statusCode(200);
        s.student().api().body("{}").post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        UUID studentId = s.student().id();
        assertTrue(UserRows.exists(studentId));
    }

    @Test
    void anExamWithoutProctoringNeedsNoConsent() {
        MediaGiven.Sitting s = MediaGiven.sitting(DeliveryMode.SUPERVISED_ON_CAMPUS);
        s.student().api().get(consentPath(s)).then().statusCode(200).body("required", equalTo(false));
        s.start();
    }
}
