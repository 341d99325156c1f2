package kz.adal.attempt;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.ExamRows;
import kz.adal.exam.LateStartPolicy;
import kz.adal.exam.MultipleCorrectRule;
import kz.adal.identity.Role;
import kz.adal.identity.UserService;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data that reads like the domain: {@code Given.exam().forGroup(g).open()}, {@code Given.student(g)}. */
final class Given {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Given() {
    }

    /** A new student account (password demo1234) in {@code group}, so each test has its own people. */
    static Student student(String group) {
        String login = "att" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
        UserService users = Arc.container().instance(UserService.class).get();
        var created = QuarkusTransaction.requiringNew().call(() -> users.create(new UserService.NewUser(login, "Student " + login, null,
                Set.of(Role.STUDENT), group, "6B06102", "en", Api.PASSWORD, false, false)));
        return new Student(created.user().id(), login);
    }

    record Student(UUID id, String login) {
        io.restassured.specification.RequestSpecification api() {
            return Api.as(login);
        }
    }

    static String newGroup() {
        return "T-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + COUNTER.incrementAndGet();
    }

    static ExamBuilder exam() {
        return new ExamBuilder();
    }

    static final class ExamBuilder {
        private String group = newGroup();
        private int questions = 30;
        private int minutes = 50;
        private Duration opensAgo = Duration.ofMinutes(10);
        private Duration closesIn = Duration.ofHours(3);
        private LateStartPolicy late = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;
        private Instant resultsVisibleAt;
        private boolean resultsNow = true;
        private MultipleCorrectRule rule = MultipleCorrectRule.ALL_OR_NOTHING;
        private String language = "en";

        ExamBuilder forGroup(String g) { this.group = g; return this; }
        ExamBuilder questions(int n) { this.questions = n; return this; }
        ExamBuilder minutes(int m) { this.minutes = m; return this; }
        ExamBuilder opensIn(Duration d) { this.opensAgo = d.negated(); this.closesIn = d.plus(Duration.ofHours(3)); return this; }
        ExamBuilder closesIn(Duration d) { this.closesIn = d; return this; }
        ExamBuilder late(LateStartPolicy p) { this.late = p; return this; }
        ExamBuilder resultsHidden() { this.resultsNow = false; this.resultsVisibleAt = null; return this; }
        ExamBuilder resultsFrom(Instant at) { this.resultsNow = false; this.resultsVisibleAt = at; return this; }
        ExamBuilder language(String l) { this.language = l; return this; }

        String group() { return group; }

        /** A published intermediate attestation on the demo bank in the builder's language. */
        UUID publish() {
            Instant now = Arc.container().instance(TimeSource.class).get().now();
            return ExamRows.publish(new ExamRows.Published("Attempt test " + COUNTER.incrementAndGet(), group, language, questions, minutes,
                    rule, now.minus(opensAgo), now.plus(closesIn), late, resultsNow ? now.minusSeconds(1) : resultsVisibleAt,
                    DeliveryMode.REMOTE_PROCTORED));
        }
    }

    static void admit(UUID examId, UUID studentId) {
        ExamRows.admit(examId, studentId, "all control tasks done");
    }

    static void accommodate(UUID examId, UUID studentId, int minutes) {
        ExamRows.accommodate(examId, studentId, minutes, "PMPC recommendation No. 7 (001 §5.8.2)");
    }

    /** A student of a fresh group, admitted to a fresh published exam. */
    static Sitting sitting() {
        return sitting(exam());
    }

    static Sitting sitting(ExamBuilder b) {
        UUID examId = b.publish();
        Student s = student(b.group());
        admit(examId, s.id());
        return new Sitting(examId, s);
    }

    record Sitting(UUID examId, Student student) {
    }
}
