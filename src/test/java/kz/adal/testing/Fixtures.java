package kz.adal.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.ExamRows;
import kz.adal.exam.LateStartPolicy;
import kz.adal.exam.MultipleCorrectRule;
import kz.adal.identity.Role;
import kz.adal.identity.UserService;
import kz.adal.platform.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared test data, each call making fresh people and exams so tests never see each other's rows:
 * a group, a person, a published exam on the demo English bank, an admission. Persisted in their
 * own transactions, as if an admin and the demo teacher had done it.
 */
public final class Fixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {}

    /** Someone with a demo password; {@link #api()} calls the API as them. */
    public record Person(UUID id, String login) {
        public String token() { return Api.token(login); }

        public io.restassured.specification.RequestSpecification api() { return Api.as(login); }
    }

    public static String group(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + COUNTER.incrementAndGet();
    }

    public static Person person(String prefix, Set<Role> roles, String group) {
        String login = prefix + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
        UserService users = Arc.container().instance(UserService.class).get();
        var created = QuarkusTransaction.requiringNew().call(() -> users.create(new UserService.NewUser(login, "Person " + login, null,
                roles, group, group == null ? null : "6B06102", "en", Api.PASSWORD, false, false)));
        return new Person(created.user().id(), login);
    }

    public static Person student(String prefix, String group) {
        return person(prefix, Set.of(Role.STUDENT), group);
    }

    /**
     * A published intermediate attestation for the group on the demo English bank, created by the
     * demo teacher, open from ten minutes ago for three hours, results visible at once.
     */
    public static UUID publishedExam(String group, String title, int questions, int minutes, DeliveryMode mode) {
        Instant now = Arc.container().instance(TimeSource.class).get().now();
        return publishedExam(group, title, questions, minutes, mode, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(3)));
    }

    /** The same, open from {@code opensAt} to {@code closesAt}. */
    public static UUID publishedExam(String group, String title, int questions, int minutes, DeliveryMode mode, Instant opensAt,
                                     Instant closesAt) {
        Instant now = Arc.container().instance(TimeSource.class).get().now();
        return ExamRows.publish(new ExamRows.Published(title + " " + COUNTER.incrementAndGet(), group, "en", questions, minutes,
                MultipleCorrectRule.ALL_OR_NOTHING, opensAt, closesAt,
                LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION, opensAt.isAfter(now) ? closesAt : now.minusSeconds(1), mode));
    }

    /** The demo teacher admits the student (001 §5.30). */
    public static void admit(UUID examId, UUID studentId, String reason) {
        ExamRows.admit(examId, studentId, reason);
    }
}
