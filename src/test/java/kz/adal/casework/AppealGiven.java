package kz.adal.casework;

import io.quarkus.arc.Arc;
import kz.adal.attempt.AttemptRows;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.ExamRows;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Test data for appeals and absences: graded attempts, appeal commissions, oral sittings, calendar days. */
final class AppealGiven {
    private AppealGiven() {}

    record Graded(UUID examId, UUID attemptId, Fixtures.Person student) {}

    /**
     * Deadlines are refused in a year the admin has not entered. The demo seeds only the 2026 sample, so
     * whatever day the suite runs on, this year and the next are entered (empty: Monday–Friday) when missing.
     */
    static void calendarCoversTheComingMonths() {
        LocalDate today = Arc.container().instance(TimeSource.class).get().today();
        for (int year : List.of(today.getYear(), today.plusMonths(3).getYear())) {
            boolean configured = Api.as("admin").get("/api/calendar/" + year).then().statusCode(200).extract().path("configured");
            if (!configured) {
                Api.as("admin").body(Map.of("days", List.of())).put("/api/calendar/" + year).then().statusCode(200);
            }
        }
    }

    /** A submitted, graded attempt that ended {@code ago} (results published at the same moment). */
    static Graded gradedAttempt(String prefix, Duration ago, BigDecimal percent, String letter) {
        calendarCoversTheComingMonths();
        String group = Fixtures.group(prefix);
        UUID examId = Fixtures.publishedExam(group, "Appealed test", 30, 50, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.Person s = Fixtures.student(prefix, group);
        Fixtures.admit(examId, s.id(), "all control tasks done");
        TimeSource time = Arc.container().instance(TimeSource.class).get();
        Instant ended = time.now().minus(ago).truncatedTo(ChronoUnit.MILLIS);
        ExamRows.resultsVisibleAt(examId, ended);
        UUID attemptId = AttemptRows.graded(examId, s.id(), ended, percent, letter);
        return new Graded(examId, attemptId, s);
    }

    /** A student who completed the curriculum: admitted to the final attestation (001 §5.39.4). */
    static Fixtures.Person finalYearStudent(String prefix) {
        Fixtures.Person s = Fixtures.student(prefix, Fixtures.group(prefix));
        kz.adal.identity.UserRows.curriculumCompleted(s.id());
        return s;
    }

    record Commission(String id, Fixtures.Person chair, Fixtures.Person deputy, Fixtures.Person member) {}

    /** The dean sets up an appeal commission for the exam. */
    static Commission commission(UUID examId) {
        calendarCoversTheComingMonths();
        Fixtures.Person chair = Fixtures.person("achair", Set.of(Role.TEACHER), null);
        Fixtures.Person deputy = Fixtures.person("adeputy", Set.of(Role.TEACHER), null);
        Fixtures.Person member = Fixtures.person("amember", Set.of(Role.TEACHER), null);
        String id = Api.as("dean").body(Map.of("examId", examId, "title", "Appeal commission", "chairId", chair.id(),
                        "deputyId", deputy.id(), "memberIds", List.of(member.id())))
                .post("/api/appeal-commissions").then().statusCode(201).extract().path("id");
        return new Commission(id, chair, deputy, member);
    }

    /** The next two weekdays after {@code from} that are not yet special in the calendar of their year. */
    static List<LocalDate> nextFreeWeekdays(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        Map<Integer, List<String>> known = new HashMap<>();
        for (LocalDate d = from.plusDays(1); out.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            int y = d.getYear();
            List<String> days = known.computeIfAbsent(y, yy -> Api.as("admin").get("/api/calendar/" + yy).then().statusCode(200)
                    .extract().jsonPath().getList("days.date", String.class));
            if (!days.contains(d.toString())) out.add(d);
        }
        return out;
    }

    /** Monday–Friday counting with the given extra days off: the n-th working day after {@code from}. */
    static LocalDate addWeekdays(LocalDate from, int n, List<LocalDate> off) {
        LocalDate d = from;
        int c = 0;
        while (c < n) {
            d = d.plusDays(1);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !off.contains(d)) c++;
        }
        return d;
    }

    static Map<String, Object> day(LocalDate date, String kind, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        m.put("kind", kind);
        m.put("name", name);
        return m;
    }

    /** An oral sitting on {@code date} with a fresh commission, the head as head, and the given students. */
    static Map<String, Object> sitting(LocalDate date, UUID chairId, List<UUID> students, String title) {
        return sitting(date, chairId, students, title, "6B06102 Information systems");
    }

    static Map<String, Object> sitting(LocalDate date, UUID chairId, List<UUID> students, String title, String programme) {
        calendarCoversTheComingMonths();
        Fixtures.Person m1 = Fixtures.person("omember", Set.of(Role.TEACHER), null);
        Fixtures.Person m2 = Fixtures.person("omember", Set.of(Role.TEACHER), null);
        Fixtures.Person sec = Fixtures.person("osec", Set.of(Role.TECHNICAL_SECRETARY), null);
        String head = Api.as("admin").queryParam("q", "head").get("/api/users").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.login == 'head' }.id", String.class).get(0);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", title);
        b.put("emergencyBasis", "Order No. 7: quarantine declared in the region");
        b.put("studyLevel", "BACHELOR");
        b.put("date", date.toString());
        b.put("programme", programme);
        b.put("language", "en");
        b.put("chairId", chairId);
        b.put("memberIds", List.of(m1.id(), m2.id()));
        b.put("secretaryId", sec.id());
        b.put("headId", head);
        b.put("studentIds", students);
        b.put("allowRepeatTickets", false);
        b.put("preparationMinutes", 20);
        b.put("answerMinutes", 15);
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) tickets.add(Map.of("number", i, "questions", List.of("Q " + i + ".1", "Q " + i + ".2", "Q " + i + ".3")));
        b.put("tickets", tickets);
        String id = Api.as("head").body(b).post("/api/oral/sittings").then().statusCode(201).extract().path("sittingId");
        return Map.of("id", id);
    }
}
