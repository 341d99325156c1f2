package kz.adal.exam;

import io.restassured.response.Response;
import kz.adal.bank.BankRows;
import kz.adal.bank.BankVersionState;
import kz.adal.identity.UserRows;
import kz.adal.testing.Api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test data for exams, made through the real API where one exists. Every call makes fresh names. */
final class ExamFixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** A period of our own, so a portal lock in one test never touches demo data or other classes. */
    static final String PERIOD = "2" + (100 + (int) (Math.random() * 800)) + "-" + "2" + (101 + (int) (Math.random() * 800)) + "/3";

    private ExamFixtures() {
    }

    record Student(UUID id, String login) {}

    record Group(String code, String language, List<Student> students) {
        Student student(int i) { return students.get(i); }
    }

    /** A new group of students in {@code language}; logins are {@code <prefix>.<n>}, password demo1234. */
    static Group group(String language, int size, boolean curriculumCompleted) {
        int n = SEQ.incrementAndGet();
        String code = "T-" + n + "-" + Long.toString(System.nanoTime() % 100000, 36);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String login = ("ex" + code + "." + i).toLowerCase().replace("-", "");
            Map<String, Object> body = new HashMap<>();
            body.put("login", login);
            body.put("fullName", "Student " + code + " " + i);
            body.put("roles", List.of("STUDENT"));
            body.put("groupCode", code);
            body.put("instructionLanguage", language);
            body.put("password", Api.PASSWORD);
            body.put("curriculumCompleted", curriculumCompleted);
            String id = Api.as("admin").body(body).post("/api/users").then().statusCode(200).extract().path("user.id");
            students.add(new Student(UUID.fromString(id), login));
        }
        return new Group(code, language, students);
    }

    /** The demo bank's approved version in a language (kk, ru, en). */
    static UUID demoBank(String language) {
        return BankRows.approvedDemo(language);
    }

    /** A bank version that is approved but has no expert conclusion, or a draft. */
    static UUID bankWithoutReview(String language, BankVersionState state) {
        return BankRows.unreviewed(language, state, UserRows.id("author"));
    }

    /** A valid definition of an intermediate attestation, open from an hour ago for two days. */
    static Map<String, Object> attestation(Group g, UUID bankVersion) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Attestation for " + g.code());
        body.put("kind", "INTERMEDIATE_ATTESTATION");
        body.put("groupCode", g.code());
        body.put("academicPeriod", PERIOD);
        body.put("bankVersionId", bankVersion.toString());
        body.put("topics", List.of());
        body.put("questionCount", 30);
        body.put("durationMinutes", 50);
        body.put("opensAt", now.minus(Duration.ofHours(1)).toString());
        body.put("closesAt", now.plus(Duration.ofDays(2)).toString());
        return body;
    }

    static Response create(String login, Map<String, Object> body) {
        return Api.as(login).body(body).post("/api/exams");
    }

    /** Creates and publishes; returns the exam id. */
    static UUID published(Map<String, Object> body) {
        String id = create("teacher", body).then().statusCode(200).extract().path("id");
        Api.as("teacher").post("/api/exams/" + id + "/publish").then().statusCode(200);
        return UUID.fromString(id);
    }

    static void admit(UUID exam, Student s, boolean admitted) {
        Api.as("teacher").body(Map.of("admitted", admitted, "reason", "test decision"))
                .put("/api/exams/" + exam + "/admissions/" + s.id()).then().statusCode(200);
    }

    /** Runs an extension through the whole chain up to the sheet handed to the student on {@code receivedOn}. */
    static UUID issuedSheet(UUID exam, Student s, LocalDate receivedOn) {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 certificate".getBytes());
        String id = Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "cert.pdf",
                "documentType", "application/pdf", "documentBase64", pdf)).post("/api/sheets").then().statusCode(200).extract().path("id");
        for (String signer : List.of("dean", "policy", "vicerector")) {
            Api.as(signer).post("/api/sheets/" + id + "/sign").then().statusCode(200);
        }
        Api.as("dean").body(Map.of("orderNumber", "42-ext")).post("/api/sheets/" + id + "/order").then().statusCode(200);
        String state = Api.as("dean").body(Map.of("receivedOn", receivedOn.toString())).post("/api/sheets/" + id + "/issue")
                .then().statusCode(200).extract().path("state");
        assertEquals("SHEET_ISSUED", state);
        return UUID.fromString(id);
    }

    /** A sheet graded by the teacher and returned in time: its grade counts on the grade sheet (001 §5.34). */
    static void countedSheetGrade(UUID exam, Student s, String percent) {
        UUID sheet = issuedSheet(exam, s, LocalDate.now(kz.adal.platform.TimeSource.ZONE));
        Api.as("teacher").body(Map.of("percent", new java.math.BigDecimal(percent))).put("/api/sheets/" + sheet + "/grade")
                .then().statusCode(200);
        Api.as("registrar").post("/api/sheets/" + sheet + "/return").then().statusCode(200);
    }

    static Set<String> weeks(int from, int to) {
        Set<String> out = new java.util.TreeSet<>();
        for (int i = from; i <= to; i++) out.add("week-" + i);
        return out;
    }
}
