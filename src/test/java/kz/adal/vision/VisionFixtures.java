package kz.adal.vision;

import kz.adal.testing.Fixtures;

import io.quarkus.arc.Arc;
import kz.adal.exam.DeliveryMode;
import kz.adal.testing.Api;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static kz.adal.testing.Prerequisites.require;

/** Students, proctored exams and frames for the identity tests; each test makes its own people. */
final class VisionFixtures {

    private VisionFixtures() {
    }

    record Sitting(UUID examId, UUID studentId, String login) {
        io.restassured.specification.RequestSpecification api() {
            return Api.as(login);
        }
    }

    /**
     * A new student admitted to a new published proctored exam, with the identity gate enforced for it
     * and the demo proctor assigned to the exam (only assigned proctors work its identity checks).
     */
    static Sitting sitting() {
        String group = Fixtures.group("V");
        Fixtures.Person student = Fixtures.student("vis", group);
        UUID examId = Fixtures.publishedExam(group, "Identity test", 10, 40, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.admit(examId, student.id(), "identity test");
        Arc.container().instance(IdentityGate.class).get().enforceFor(examId);
        Api.as("teacher").body(java.util.Map.of("proctorLogin", "proctor", "examId", examId.toString()))
                .post("/api/proctor/assignments").then().statusCode(200);
        return new Sitting(examId, student.id(), student.login());
    }

    /** A group photo of three people, from the npm package the build unpacks (@vladmandic/face-api demo). */
    static Path groupPhoto() {
        Path photo = TestFaces.GROUP_PHOTOS.resolve("sample1.jpg");
        require(Files.isRegularFile(photo), "npm @vladmandic/face-api demo photos not fetched by the build: " + photo);
        return photo;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A crop centred on a mid-gray canvas (as a webcam frame would show it), JPEG-encoded. */
    static byte[] paddedJpeg(Path crop) {
        try (FaceImage f = TestFaces.padded(crop, 0.5)) {
            return jpeg(f.mat());
        }
    }

    /** A flat gray frame: what a covered camera sends. */
    static byte[] blankJpeg() {
        try (Mat m = new Mat(480, 640, CV_8UC3, new Scalar(8, 8, 8, 0))) {
            return jpeg(m);
        }
    }

    /** A textured frame without needing the face crops (random noise: neither covered nor a face). */
    static byte[] paddedJpegOrNoise() {
        try (Mat m = new Mat(480, 640, CV_8UC3)) {
            org.bytedeco.opencv.global.opencv_core.randu(m, new Mat(new double[]{0}), new Mat(new double[]{255}));
            return jpeg(m);
        }
    }

    static byte[] jpeg(Mat m) {
        try (BytePointer out = new BytePointer()) {
            if (!imencode(".jpg", m, out)) throw new IllegalStateException("JPEG encoding failed");
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }
}
