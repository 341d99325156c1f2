package kz.adal.proctoring;

import kz.adal.exam.DeliveryMode;
import kz.adal.testing.Fixtures;

import kz.adal.identity.Role;
import kz.adal.testing.Api;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Test data: a running attempt of a fresh exam and student, and a fresh proctor assigned to the exam. */
final class Proctored {

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
        Fixtures.Person p = Fixtures.person(prefix, roles, group);
        return new Person(p.id(), p.login());
    }

    static Person proctor() {
        return person("proc", Set.of(Role.PROCTOR), null);
    }

    /** A published 50-minute exam for a fresh group, created by the demo teacher. */
    static UUID exam(String group) {
        return Fixtures.publishedExam(group, "Proctored exam", 5, 50, DeliveryMode.REMOTE_PROCTORED);
    }

    /** A student of the exam's group with a started attempt. */
    static Sitting started(UUID examId, String group) {
        Person s = person("stu", Set.of(Role.STUDENT), group);
        Fixtures.admit(examId, s.id(), "all control tasks done");
        String id = s.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        return new Sitting(examId, id, s);
    }

    static Sitting started() {
        String group = Fixtures.group("P");
        return started(exam(group), group);
    }

    /** The demo teacher assigns the proctor to the whole exam. */
    static void assign(Person proctor, UUID examId) {
        Api.as("teacher").body(Map.of("proctorLogin", proctor.login(), "examId", examId.toString()))
                .post("/api/proctor/assignments").then().statusCode(200);
    }
}
