package kz.adal.casework;

import io.quarkus.arc.Arc;
import kz.adal.exam.DeliveryMode;
import kz.adal.identity.UserRows;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.EventStore;
import kz.adal.proctoring.live.LiveEvent;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test data for acts: a started attempt of a fresh exam, its commission (with e-mail addresses), its proctor, events. */
final class ActGiven {
    private ActGiven() {
    }

    record Case(UUID examId, String attemptId, Fixtures.Person student, Fixtures.Person chair, Fixtures.Person member1,
                Fixtures.Person member2, Fixtures.Person secretary, Fixtures.Person proctor, Instant startedAt) {
        List<Fixtures.Person> commission() {
            return List.of(chair, member1, member2, secretary);
        }
    }

    static Fixtures.Person staff(String prefix, Role role) {
        Fixtures.Person p = Fixtures.person(prefix, Set.of(role), null);
        UserRows.email(p.id(), p.login() + "@uni.example");
        return p;
    }

    /** A 50-minute proctored exam with a commission set by the demo teacher, a proctor, and a started attempt. */
    static Case started() {
        String group = Fixtures.group("act");
        UUID exam = Fixtures.publishedExam(group, "Act exam", 5, 50, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.Person chair = staff("chair", Role.TEACHER);
        Fixtures.Person m1 = staff("mem", Role.TEACHER);
        Fixtures.Person m2 = staff("mem", Role.HEAD_OF_DEPARTMENT);
        Fixtures.Person sec = staff("sec", Role.TECHNICAL_SECRETARY);
        Fixtures.Person proctor = staff("proc", Role.PROCTOR);
        Api.as("teacher").body(Map.of("chair", chair.login(), "members", List.of(m1.login(), m2.login()), "secretary", sec.login()))
                .put("/api/exams/" + exam + "/commission").then().statusCode(200);
        Api.as("teacher").body(Map.of("proctorLogin", proctor.login(), "examId", exam.toString()))
                .post("/api/proctor/assignments").then().statusCode(200);
        Fixtures.Person s = Fixtures.student("stu", group);
        Fixtures.admit(exam, s.id(), "all control tasks done");
        String id = s.api().post("/api/exams/" + exam + "/attempt").then().statusCode(200).extract().path("id");
        String started = s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).extract().path("startedAt");
        return new Case(exam, id, s, chair, m1, m2, sec, proctor, Instant.parse(started));
    }

    /** Stores server-side events as the live hub would (clientAt null: the server's time counts). */
    static void events(String attemptId, Object... kindAtData) throws InterruptedException {
        EventStore store = Arc.container().instance(EventStore.class).get();
        int n = kindAtData.length / 3;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) kindAtData[i * 3 + 2];
            store.append(new LiveEvent(UUID.randomUUID(), UUID.fromString(attemptId), null, (String) kindAtData[i * 3], null,
                    (Instant) kindAtData[i * 3 + 1], data), "test", o -> done.countDown());
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    static TimeSource time() {
        return Arc.container().instance(TimeSource.class).get();
    }
}
