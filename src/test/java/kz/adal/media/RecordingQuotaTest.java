package kz.adal.media;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A track holds at most its exam's length at the configured bitrate (with headroom): beyond it, 413. */
@QuarkusTest
@TestProfile(SmallQuotaProfile.class)
class RecordingQuotaTest {

    @Test
    void refusesChunksBeyondTheTracksAllowanceWithAClearCode() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        RecordingApiTest.put(s.student(), attempt, 0, 0, 0).then().statusCode(200);
        RecordingApiTest.put(s.student(), attempt, 0, 1, 0).then().statusCode(200);
        RecordingApiTest.put(s.student(), attempt, 0, 2, 0).then().statusCode(413)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("RECORDING_QUOTA_EXCEEDED"));
        // a replay of what was stored is still acknowledged, so the browser can let it go
        RecordingApiTest.put(s.student(), attempt, 0, 1, 0).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
    }
}
