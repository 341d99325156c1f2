package kz.adal.vision;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.bank.BankVersion;
import kz.adal.exam.Admission;
import kz.adal.exam.AssessmentKind;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.Exam;
import kz.adal.exam.ExamState;
import kz.adal.exam.LateStartPolicy;
import kz.adal.exam.MultipleCorrectRule;
import kz.adal.identity.AppUser;
import kz.adal.identity.Role;
import kz.adal.identity.UserService;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Students, proctored exams and frames for the identity tests; each test makes its own people. */
final class VisionFixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private VisionFixtures() {
    }

    record Sitting(UUID examId, UUID studentId, String login) {
        io.restassured.specification.RequestSpecification api() {
            return Api.as(login);
        }
    }

    /** A new student admitted to a new published proctored exam, with the identity gate enforced for it. */
    static Sitting sitting() {
        String group = "V-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + COUNTER.incrementAndGet();
        String login = "vis" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
        UserService users = Arc.container().instance(UserService.class).get();
        TimeSource time = Arc.container().instance(TimeSource.class).get();
        UUID studentId = QuarkusTransaction.requiringNew().call(() -> users.create(new UserService.NewUser(login, "Student " + login, null,
                Set.of(Role.STUDENT), group, "6B06102", "en", Api.PASSWORD, false, false)).user().id());
        UUID examId = QuarkusTransaction.requiringNew().call(() -> {
            BankVersion v = BankVersion.find("language = ?1 and number = 1", "en").firstResult();
            AppUser teacher = AppUser.findByLogin("teacher").orElseThrow();
            Instant now = time.now();
            Exam e = new Exam();
            e.title = "Identity test " + COUNTER.incrementAndGet();
            e.kind = AssessmentKind.INTERMEDIATE_ATTESTATION;
            e.discipline = v.discipline;
            e.groupCode = group;
            e.academicPeriod = "2026-2027/1";
            e.bankVersionId = v.id;
            e.questionCount = 10;
            e.durationMinutes = 40;
            e.attemptsAllowed = 1;
            e.multipleCorrectRule = MultipleCorrectRule.ALL_OR_NOTHING;
            e.opensAt = now.minus(Duration.ofMinutes(10));
            e.closesAt = now.plus(Duration.ofHours(3));
            e.lateStartPolicy = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;
            e.deliveryMode = DeliveryMode.REMOTE_PROCTORED;
            e.state = ExamState.PUBLISHED;
            e.createdBy = teacher.id;
            e.createdAt = now;
            e.persist();
            Admission a = new Admission();
            a.key = new Admission.ExamStudent(e.id, studentId);
            a.admitted = true;
            a.source = Admission.Source.MANUAL;
            a.reason = "identity test";
            a.decidedBy = teacher.id;
            a.decidedAt = now;
            a.persist();
            return e.id;
        });
        Arc.container().instance(IdentityGate.class).get().enforceFor(examId);
        return new Sitting(examId, studentId, login);
    }

    /** ../shared/data/faces from the repository root, or /work/shared/data/faces. */
    static Path facesDirOrSkip() {
        Path dir = TestFaces.facesDir().orElse(Path.of("/work/shared/data/faces"));
        assumeTrue(Files.isDirectory(dir.resolve("amy")), "Face crops not found at ../shared/data/faces");
        return dir;
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
