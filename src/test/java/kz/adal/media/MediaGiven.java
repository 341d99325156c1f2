package kz.adal.media;

import kz.adal.testing.Fixtures;

import io.restassured.specification.RequestSpecification;
import kz.adal.exam.DeliveryMode;
import kz.adal.testing.Api;

import java.util.UUID;

/** Test data for recording: a proctored exam, an admitted student of its group, a started attempt (public for the tests of media's sub-packages). */
public final class MediaGiven {

    private MediaGiven() {
    }

    public record Student(UUID id, String login) {
        public RequestSpecification api() {
            return Api.as(login);
        }
    }

    public record Sitting(UUID examId, Student student) {
        /** Opens and starts the attempt through the API; returns its id. */
        public UUID start() {
            String id = student.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
            student.api().body("{}").post("/api/attempts/" + id + "/start").then().statusCode(200);
            return UUID.fromString(id);
        }

        public UUID open() {
            return UUID.fromString(student.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id"));
        }
    }

    public static Student student(String group) {
        Fixtures.Person p = Fixtures.student("rec", group);
        return new Student(p.id(), p.login());
    }

    /** A published, proctored intermediate attestation of 5 questions for a fresh group, with one admitted student. */
    public static Sitting sitting() {
        return sitting(DeliveryMode.REMOTE_PROCTORED);
    }

    public static Sitting sitting(DeliveryMode mode) {
        String group = Fixtures.group("R");
        UUID examId = Fixtures.publishedExam(group, "Recording test", 5, 50, mode);
        Student s = student(group);
        Fixtures.admit(examId, s.id(), "all control tasks done");
        return new Sitting(examId, s);
    }
}
