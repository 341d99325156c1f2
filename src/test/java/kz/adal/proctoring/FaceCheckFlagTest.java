package kz.adal.proctoring;

import kz.adal.proctoring.live.SnapshotStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static kz.adal.testing.Prerequisites.require;

/** Issue 6 through issue 4: a snapshot with two people in it becomes a MULTIPLE_FACES flag on the proctor's timeline. */
@QuarkusTest
class FaceCheckFlagTest {
    @Inject
    FaceCheckBridge bridge;
    @Inject
    TimeSource time;

    @Test
    void aSnapshotWithTwoFacesRaisesAFlagTheProctorSees() throws Exception {
        require(Files.isRegularFile(Path.of("target/face-models/fr_detect.onnx")), "face models are fetched by the build");
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        // a group photo of three people from the npm package the build unpacks (@vladmandic/face-api demo)
        Path photo = Path.of("target/face-test-images/sample1.jpg");
        require(Files.isRegularFile(photo), "demo group photos are fetched by the build");
        byte[] group = Files.readAllBytes(photo);
        bridge.check(new SnapshotStore.SnapshotReceived(UUID.fromString(s.attemptId()), group, time.now()));
        // events are written in small batches: give the writer a moment
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                proctor.api().get("/api/proctor/attempts/" + s.attemptId() + "/timeline").then().statusCode(200)
                        .body("events.kind", hasItem("face.check"))
                        .body("flags.type", hasItem("MULTIPLE_FACES")));
    }
}
