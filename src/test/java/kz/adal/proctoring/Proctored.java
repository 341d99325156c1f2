package kz.adal.proctoring;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.bank.BankVersion;
import kz.adal.exam.Admission;
import kz.adal.exam.AssessmentKind;
import kz.adal.exam.Exam;
import kz.adal.exam.ExamState;
import kz.adal.exam.LateStartPolicy;
import kz.adal.exam.MultipleCorrectRule;
import kz.adal.identity.AppUser;
import kz.adal.identity.Role;
import kz.adal.identity.UserService;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;

/** Test data: a running attempt of a fresh exam and student, and a fresh proctor assigned to the exam. */
final class Proctored {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Proctored() {
    }

    record Person(UUID id, String login) {
        String token() {
            return Api.token(login);
        }

        io.restassured.specification.RequestSpecification api() {
            return Api.as(login);
        }
    }

    record Sitting(UUID examId, String attemptId, Person student) {
    }

    static Person person(String prefix, Set<Role> roles, String group) {
        String login = prefix + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
        UserService users = Arc.container().instance(UserService.class).get();
        var created = QuarkusTransaction.requiringNew().call(() -> users.create(new UserService.NewUser(login, "Person " + login, null,
                roles, group, group == null ? null : "6B06102", "en", Api.PASSWORD, false, false)));
        return new Person(created.user().id(), login);
    }

    static Person proctor() {
        return person("proc", Set.of(Role.PROCTOR), null);
    }

    /** A published 50-minute exam for a fresh group, created by the demo teacher. */
    static UUID exam(String group) {
        TimeSource time = Arc.container().instance(TimeSource.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            BankVersion v = BankVersion.find("language = ?1 and number = 1", "en").firstResult();
            AppUser teacher = AppUser.findByLogin("teacher").orElseThrow();
            Instant now = time.now();
            Exam e = new Exam();
            e.title = "Proctored exam " + COUNTER.incrementAndGet();
            e.kind = AssessmentKind.INTERMEDIATE_ATTESTATION;
            e.discipline = v.discipline;
            e.groupCode = group;
            e.academicPeriod = "2026-2027/1";
            e.bankVersionId = v.id;
            e.questionCount = 5;
            e.durationMinutes = 50;
            e.attemptsAllowed = 1;
            e.multipleCorrectRule = MultipleCorrectRule.ALL_OR_NOTHING;
            e.opensAt = now.minusSeconds(600);
            e.closesAt = now.plusSeconds(4 * 3600);
            e.lateStartPolicy = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;
            e.resultsVisibleAt = now.minusSeconds(1);
            e.state = ExamState.PUBLISHED;
            e.createdBy = teacher.id;
            e.createdAt = now;
            e.persist();
            return e.id;
        });
    }

    /** A student of the exam's group with a started attempt. */
    static Sitting started(UUID examId, String group) {
        Person s = person("stu", Set.of(Role.STUDENT), group);
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
        String id = s.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        return new Sitting(examId, id, s);
    }

    static Sitting started() {
        String group = "P-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + COUNTER.incrementAndGet();
        return started(exam(group), group);
    }

    /** The demo teacher assigns the proctor to the whole exam. */
    static void assign(Person proctor, UUID examId) {
        Api.as("teacher").body(Map.of("proctorLogin", proctor.login(), "examId", examId.toString()))
                .post("/api/proctor/assignments").then().statusCode(200);
    }
}
