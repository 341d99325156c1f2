package kz.adal.exam;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.OfficialDocumentCheck;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grade sheets (001 §5.28, §6.10) and the AIS export after two days (001 §5.33). */
@QuarkusTest
class GradeExportTest {
    @Inject
    TimeSource time;

    /**
     * Percentages for two students. Attempt results belong to the attempt feature (its {@link ExamResults});
     * here they come from individual sheets graded and returned in time, which the grade sheet counts too.
     */
    private static void results(UUID exam, ExamFixtures.Group g) {
        ExamFixtures.countedSheetGrade(exam, g.student(0), "96.67");
        ExamFixtures.countedSheetGrade(exam, g.student(1), "43.33");
    }

    @Test
    void theGradeSheetCsvAndPdfCarryStudentsLettersAndTheNote() throws Exception {
        ExamFixtures.Group g = ExamFixtures.group("kk", 3, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        g.students().forEach(s -> ExamFixtures.admit(exam, s, true));
        results(exam, g);
        Api.as("teacher").get("/api/exams/" + exam + "/grades").then().statusCode(200)
                .body("rows.find { it.login == '" + g.student(0).login() + "' }.letter", equalTo("A"))
                .body("rows.find { it.login == '" + g.student(0).login() + "' }.traditionalMark", equalTo(5))
                .body("rows.find { it.login == '" + g.student(1).login() + "' }.letter", equalTo("FX"))
                .body("rows.find { it.login == '" + g.student(2).login() + "' }.state", equalTo("NOT_STARTED"))
                .body("note", containsString("001 §6.10"));

        String csv = Api.as("teacher").get("/api/exams/" + exam + "/grades.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asString();
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        // a table for people: named columns and labels in the reader's language (English here), no codes
        assertEquals("Login,Full name,Group,Admitted,State,Submitted at,Percent,Letter,GPA,Traditional mark,Source,Score type", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(g.student(0).login() + ",") && l.contains(",96.67,A,4.0,5,Individual sheet,Exam score")), csv);
        String kk = Api.as("teacher").header("Accept-Language", "kk").get("/api/exams/" + exam + "/grades.csv").then().statusCode(200).extract().asString();
        assertTrue(kk.replace("\uFEFF", "").startsWith("Логин,Аты-жөні,Топ,Жіберілді,Күйі,"), kk);
        assertTrue(!kk.contains("INDIVIDUAL_SHEET") && !kk.contains("EXAM_SCORE") && !kk.contains("NOT_STARTED"), kk);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(g.student(1).login() + ",") && l.contains(",43.33,FX,0.5,2,")), csv);

        byte[] pdf = Api.as("teacher").get("/api/exams/" + exam + "/grades.pdf").then().statusCode(200).extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(extractor.getTextFromPage(p)).append('\n');
        String t = text.toString();
        assertTrue(t.contains(g.student(0).login()) && t.contains(g.student(2).login()), t);
        assertTrue(t.contains("FX") && t.contains("96,67"), t);
        // the group is taught in Kazakh: so is its grade sheet
        assertTrue(t.contains("пән бойынша қорытынды баға емес"), t);
    }

    /**
     * The grade sheet in kk (the group's language) and in ru (a copy asked for): no English, no raw states,
     * no ISO times, the letter scale as a table, every Kazakh letter readable from the PDF (issue 15).
     */
    @Test
    void theGradeSheetReadsInKazakhAndInRussian() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 3, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("title", OfficialDocumentCheck.KAZAKH_PANGRAM);
        UUID exam = ExamFixtures.published(body);
        g.students().forEach(s -> ExamFixtures.admit(exam, s, true));
        results(exam, g);
        List<String> data = new java.util.ArrayList<>(List.of(g.code(), ExamFixtures.PERIOD, OfficialDocumentCheck.KAZAKH_PANGRAM));
        g.students().forEach(s -> data.add(s.login()));
        for (int i = 0; i < 3; i++) data.add("Student " + g.code() + " " + i);
        byte[] kk = Api.as("teacher").get("/api/exams/" + exam + "/grades.pdf").then().statusCode(200).extract().asByteArray();
        String discipline = Api.as("teacher").get("/api/exams/" + exam).then().extract().path("discipline");
        data.add(discipline);
        String text = OfficialDocumentCheck.check("gradeSheet", kk, "kk", data);
        OfficialDocumentCheck.assertKazakhLettersSurvive("gradeSheet", text);
        assertTrue(text.contains("Бағалау ведомосы") && text.contains("Әріптік бағалау шкаласы") && text.contains("өте жақсы"), text);
        assertTrue(text.contains("Тапсырылды") || text.contains("Басталмаған"), text);
        byte[] ru = Api.as("teacher").get("/api/exams/" + exam + "/grades.pdf?lang=ru").then().statusCode(200).extract().asByteArray();
        String r = OfficialDocumentCheck.check("gradeSheet", ru, "ru", data);
        assertTrue(r.contains("Экзаменационная ведомость") && r.contains("Буквенная шкала оценивания") && r.contains("неудовлетворительно"), r);
        OfficialDocumentCheck.assertKazakhLettersSurvive("gradeSheet (ru, Kazakh title)", r);
    }

    @Test
    void theAisExportWaitsUntilTwoFullDaysAfterTheLastAttestationDay() throws Exception {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        Instant closes = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofHours(2));
        body.put("closesAt", closes.toString());
        UUID exam = ExamFixtures.published(body);
        results(exam, g);
        LocalDate lastDay = LocalDate.ofInstant(closes, TimeSource.ZONE);
        Instant firstAllowed = lastDay.plusDays(3).atStartOfDay(TimeSource.ZONE).toInstant();
        Api.as("teacher").get("/api/exams/" + exam + "/ais-export").then().statusCode(409).body("code", equalTo("AIS_EXPORT_TOO_EARLY"));
        try {
            time.advance(Duration.between(Instant.now(), firstAllowed.minus(Duration.ofMinutes(1))));
            String token = Api.freshToken("teacher", Api.PASSWORD);
            RestAssured.given().auth().oauth2(token).get("/api/exams/" + exam + "/ais-export").then().statusCode(409)
                    .body("code", equalTo("AIS_EXPORT_TOO_EARLY")).body("detail", containsString("001 §5.33"));
            time.advance(Duration.ofMinutes(2));
            String csv = RestAssured.given().auth().oauth2(token).get("/api/exams/" + exam + "/ais-export").then().statusCode(200)
                    .extract().asString();
            assertTrue(csv.replace("\uFEFF", "").startsWith(String.join(",", kz.adal.exam.sheet.GradeSheetService.AIS_COLUMNS)), csv);
            assertTrue(csv.contains(g.student(0).login() + ",") && csv.contains(",96.67,A,4.0,5,EXAM_SCORE"), csv);
            assertTrue(csv.contains("," + lastDay + ","), csv);
            byte[] xlsx = RestAssured.given().auth().oauth2(token).get("/api/exams/" + exam + "/ais-export?format=xlsx").then()
                    .statusCode(200).header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
            String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
            assertTrue(sheet.contains(g.student(1).login()) && sheet.contains("<v>96.67</v>") && sheet.contains(">FX<"), sheet);
            assertTrue(entry(xlsx, "[Content_Types].xml").contains("spreadsheetml.sheet.main+xml"));
        } finally {
            time.reset();
        }
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in the workbook");
    }
}
