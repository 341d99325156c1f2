package kz.adal.proctoring;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.testing.Api;
import kz.adal.testing.DemoModeProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo mode only (bin/demo): the demo proctor watches every exam, the demo's own and those made later. */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class DemoProctoringTest {

    @Test
    void inDemoModeTheDemoProctorWatchesAnExamOnceItsFirstAttemptStarts() {
        Proctored.Sitting s = Proctored.started();
        List<String> ids = Api.as("proctor").get("/api/proctor/sessions").then().statusCode(200)
                .extract().jsonPath().getList("attemptId");
        assertTrue(ids.contains(s.attemptId()), "the demo proctor's grid: " + ids.size() + " sessions");
    }
}
