package kz.adal.attempt;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.bank.BankVersion;
import kz.adal.exam.Accommodation;
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
            TimeSource time = Arc.container().instance(TimeSource.class).get();
            return QuarkusTransaction.requiringNew().call(() -> {
                BankVersion v = BankVersion.find("language = ?1 and number = 1", language).firstResult();
                AppUser teacher = AppUser.findByLogin("teacher").orElseThrow();
                Instant now = time.now();
                Exam e = new Exam();
                e.title = "Attempt test " + COUNTER.incrementAndGet();
                e.kind = AssessmentKind.INTERMEDIATE_ATTESTATION;
                e.discipline = v.discipline;
                e.groupCode = group;
                e.academicPeriod = "2026-2027/1";
                e.bankVersionId = v.id;
                e.questionCount = questions;
                e.durationMinutes = minutes;
                e.attemptsAllowed = 1;
                e.multipleCorrectRule = rule;
                e.opensAt = now.minus(opensAgo);
                e.closesAt = now.plus(closesIn);
                e.lateStartPolicy = late;
                e.resultsVisibleAt = resultsNow ? now.minusSeconds(1) : resultsVisibleAt;
                e.state = ExamState.PUBLISHED;
                e.createdBy = teacher.id;
                e.createdAt = now;
                e.persist();
                return e.id;
            });
        }
    }

    static void admit(UUID examId, UUID studentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Admission a = new Admission();
            a.key = new Admission.ExamStudent(examId, studentId);
            a.admitted = true;
            a.source = Admission.Source.MANUAL;
            a.reason = "all control tasks done";
            a.decidedBy = AppUser.findByLogin("teacher").orElseThrow().id;
            a.decidedAt = Instant.now();
            a.persist();
        });
    }

    static void accommodate(UUID examId, UUID studentId, int minutes) {
        QuarkusTransaction.requiringNew().run(() -> {
            Accommodation a = new Accommodation();
            a.key = new Admission.ExamStudent(examId, studentId);
            a.extraMinutes = minutes;
            a.basis = "PMPC recommendation No. 7 (001 §5.8.2)";
            a.approvedBy = AppUser.findByLogin("dean").orElseThrow().id;
            a.approvedAt = Instant.now();
            a.persist();
        });
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
