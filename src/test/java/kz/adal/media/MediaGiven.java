package kz.adal.media;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data for recording: a proctored exam, an admitted student of its group, a started attempt. */
final class MediaGiven {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private MediaGiven() {
    }

    record Student(UUID id, String login) {
        RequestSpecification api() {
            return Api.as(login);
        }
    }

    record Sitting(UUID examId, Student student) {
        /** Opens and starts the attempt through the API; returns its id. */
        UUID start() {
            String id = student.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
            student.api().body("{}").post("/api/attempts/" + id + "/start").then().statusCode(200);
            return UUID.fromString(id);
        }

        UUID open() {
            return UUID.fromString(student.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id"));
        }
    }

    static Student student(String group) {
        String login = "rec" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
        UserService users = Arc.container().instance(UserService.class).get();
        var created = QuarkusTransaction.requiringNew().call(() -> users.create(new UserService.NewUser(login, "Student " + login, null,
                Set.of(Role.STUDENT), group, "6B06102", "en", Api.PASSWORD, false, false)));
        return new Student(created.user().id(), login);
    }

    /** A published, proctored intermediate attestation of 5 questions for a fresh group, with one admitted student. */
    static Sitting sitting() {
        return sitting(DeliveryMode.REMOTE_PROCTORED);
    }

    static Sitting sitting(DeliveryMode mode) {
        String group = "R-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + COUNTER.incrementAndGet();
        TimeSource time = Arc.container().instance(TimeSource.class).get();
        UUID examId = QuarkusTransaction.requiringNew().call(() -> {
            BankVersion v = BankVersion.find("language = ?1 and number = 1", "en").firstResult();
            AppUser teacher = AppUser.findByLogin("teacher").orElseThrow();
            Instant now = time.now();
            Exam e = new Exam();
            e.title = "Recording test " + COUNTER.incrementAndGet();
            e.kind = AssessmentKind.INTERMEDIATE_ATTESTATION;
            e.discipline = v.discipline;
            e.groupCode = group;
            e.academicPeriod = "2026-2027/1";
            e.bankVersionId = v.id;
            e.questionCount = 5;
            e.durationMinutes = 50;
            e.attemptsAllowed = 1;
            e.multipleCorrectRule = MultipleCorrectRule.ALL_OR_NOTHING;
            e.opensAt = now.minus(Duration.ofMinutes(10));
            e.closesAt = now.plus(Duration.ofHours(3));
            e.lateStartPolicy = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;
            e.resultsVisibleAt = now.minusSeconds(1);
            e.state = ExamState.PUBLISHED;
            e.createdBy = teacher.id;
            e.createdAt = now;
            if (mode != DeliveryMode.REMOTE_PROCTORED) {
                e.deliveryMode = mode;
                e.deliveryReason = "supervised on campus";
            }
            e.persist();
            return e.id;
        });
        Student s = student(group);
        QuarkusTransaction.requiringNew().run(() -> {
            Admission a = new Admission();
            a.key = new Admission.ExamStudent(examId, s.id());
            a.admitted = true;
            a.source = Admission.Source.MANUAL;
            a.reason = "all control tasks done";
            a.decidedBy = AppUser.findByLogin("teacher").orElseThrow().id;
            a.decidedAt = Instant.now();
            a.persist();
        });
        return new Sitting(examId, s);
    }
}
