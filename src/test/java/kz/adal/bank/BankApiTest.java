package kz.adal.bank;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kz.adal.bank.review.AcademicYear;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BankApiTest {

    static String newBank(String title, String language) {
        return Api.as("author").body(Map.of("title", title, "discipline", "Algebra", "programme", "6B01501", "language", language,
                        "referenceMaterials", "Formula sheet"))
                .post("/api/banks").then().statusCode(200).extract().path("versions[0].id");
    }

    static Map<String, Object> question(String stem, int options, boolean anyCorrect) {
        List<Map<String, Object>> opts = new java.util.ArrayList<>();
        for (int i = 0; i < options; i++) opts.add(Map.of("text", "option " + i, "correct", anyCorrect && i == 0));
        return Map.of("stem", stem, "options", opts, "difficulty", "EASY", "topic", "week-1");
    }

    static ValidatableResponse upload(String versionId, String action, String format, byte[] content, String extraQuery) {
        return Api.as("author").contentType("application/octet-stream").body(content)
                .post("/api/bank-versions/" + versionId + "/import/" + action + "?format=" + format + extraQuery).then();
    }

    /** The demo bank in one language, exported as GIFT: a valid 120-question file. */
    static byte[] demoGift(String language) {
        String demoVersion = BankVersion.<BankVersion>list("language = ?1 and state = ?2", language, BankVersionState.APPROVED)
                .stream().findFirst().orElseThrow().id.toString();
        return Api.as("head").get("/api/bank-versions/" + demoVersion + "/export?format=GIFT").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aQuestionNeedsFiveOptionsAndACorrectOne() {
        String v = newBank("Rules bank", "en");
        Api.as("author").body(question("Six?", 6, true)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("errors[0].field", equalTo("options"))
                .body("errors[0].code", equalTo("FIELD_LENGTH")).body("errors[0].message", containsString("001 §7.6"));
        Api.as("author").body(question("None?", 5, false)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(400).body("code", equalTo("NO_CORRECT_ANSWER"));
        Api.as("author").body(question("Fine?", 5, true)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(200).body("position", equalTo(1));
        Api.as("author").body(question("  fine? ", 5, true)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_STEM"));
    }

    @Test
    void aSmallBankFailsValidationAndCannotBeApprovedOrReviewed() {
        String v = newBank("Too small", "en");
        Api.as("author").body(question("Only one", 5, true)).post("/api/bank-versions/" + v + "/questions").then().statusCode(200);
        Api.as("author").get("/api/bank-versions/" + v + "/validation").then().statusCode(200)
                .body("issues.code", hasItem("TOO_FEW_QUESTIONS"));
        Api.as("head").body(Map.of("approvedOn", LocalDate.now().minusDays(1).toString(), "minutesNumber", "7"))
                .post("/api/bank-versions/" + v + "/approval").then().statusCode(422).body("code", equalTo("BANK_INVALID"));
        UUID expert = UUID.fromString(Api.as("admin").get("/api/users?q=expert").then().extract().path("[0].id"));
        Api.as("head").body(Map.of("expertId", expert)).post("/api/bank-versions/" + v + "/reviews")
                .then().statusCode(422).body("code", equalTo("BANK_INVALID"));
    }

    @Test
    void importIsPreviewedThenAppliedAllOrNothing() {
        String v = newBank("Import bank", "ru");
        byte[] aiken = """
                Сколько будет 2 + 2?
                A. 3
                B. 4
                C. 5
                D. 6
                E. 22
                ANSWER: B
                DIFFICULTY: easy
                TOPIC: week-1

                Вопрос с шестью вариантами
                A. 1
                B. 2
                C. 3
                D. 4
                E. 5
                F. 6
                ANSWER: A
                DIFFICULTY: easy
                """.getBytes(StandardCharsets.UTF_8);
        upload(v, "preview", "AIKEN", aiken, "").statusCode(200)
                .body("questions", hasSize(1)).body("problems[0].line", equalTo(11)).body("problems[0].code", equalTo("OPTION_COUNT"));
        upload(v, "apply", "AIKEN", aiken, "").statusCode(422).body("code", equalTo("IMPORT_HAS_PROBLEMS"));
        Api.as("author").get("/api/bank-versions/" + v).then().body("questions", hasSize(0));
        upload(v, "apply", "AIKEN", aiken, "&skipInvalid=true").statusCode(200).body("imported", equalTo(1)).body("skipped", equalTo(1));
        Api.as("author").get("/api/bank-versions/" + v).then().body("questions", hasSize(1))
                .body("questions[0].options[1].correct", equalTo(true));
        // the same file again: its stem is already in the bank, so nothing is written
        upload(v, "apply", "AIKEN", aiken, "").statusCode(422);
        Api.as("author").get("/api/bank-versions/" + v).then().body("questions", hasSize(1));
    }

    @Test
    void badFilesAreRefusedWithAReason() {
        String v = newBank("Bad files", "en");
        upload(v, "preview", "AIKEN", "Что такое?\nA. да\nB. нет\nC. 1\nD. 2\nE. 3\nANSWER: A\n".getBytes(Charset.forName("windows-1251")), "&defaultDifficulty=easy")
                .statusCode(200).body("problems[0].code", equalTo("ENCODING")).body("questions", hasSize(0));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><quiz><question type=\"multichoice\"><questiontext><text>&xxe;</text></questiontext></question></quiz>";
        upload(v, "preview", "MOODLE_XML", xxe.getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                .body("problems[0].code", equalTo("XML_DOCTYPE_FORBIDDEN")).body(not(containsString("root:")));
        byte[] huge = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        upload(v, "apply", "GIFT", huge, "").statusCode(400).body("code", equalTo("FILE_TOO_LARGE"));
        String mixed = """
                // [tag:difficulty:easy]
                ::q1:: Two plus two? { ~3 =4 ~5 ~6 ~22 }

                ::tf:: The sky is blue. {TRUE}

                // [tag:difficulty:hard]
                ::q2:: Capital of Kazakhstan? { =Astana ~Almaty ~Shymkent ~Karaganda ~Aktobe }
                """;
        upload(v, "preview", "GIFT", mixed.getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                .body("questions", hasSize(2)).body("problems[0].code", equalTo("UNSUPPORTED_TYPE")).body("problems[0].line", equalTo(4));
        upload(v, "preview", "WORD", mixed.getBytes(StandardCharsets.UTF_8), "").statusCode(400).body("code", equalTo("UNKNOWN_FORMAT"));
    }

    @Test
    void aBankGoesFromImportThroughApprovalAndExpertReviewToUsable() {
        String v = newBank("Full cycle", "en");
        upload(v, "apply", "GIFT", demoGift("en"), "").statusCode(200).body("imported", equalTo(120));
        Api.as("author").get("/api/bank-versions/" + v + "/validation").then().body("issues", hasSize(0));
        // an author can't approve; the head records the department meeting
        Api.as("author").body(Map.of("approvedOn", LocalDate.now().toString(), "minutesNumber", "9"))
                .post("/api/bank-versions/" + v + "/approval").then().statusCode(403);
        Api.as("head").body(Map.of("approvedOn", LocalDate.now().minusDays(2).toString(), "minutesNumber", "9"))
                .post("/api/bank-versions/" + v + "/approval").then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("approval.minutesNumber", equalTo("9"));
        // frozen: edits need a new version
        Api.as("author").body(question("Late edit", 5, true)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(409).body("code", equalTo("VERSION_FROZEN"));
        // not yet usable: no expert conclusion
        Api.as("head").get("/api/banks").then().body("find { it.title == 'Full cycle' }.usable", equalTo(false));
        String expert = Api.as("admin").get("/api/users?q=expert").then().extract().path("[0].id");
        String review = Api.as("head").body(Map.of("expertId", expert)).post("/api/bank-versions/" + v + "/reviews")
                .then().statusCode(200).extract().path("id");
        String firstQuestion = Api.as("expert").get("/api/reviews/" + review).then().statusCode(200).extract().path("questions[0].id");
        Api.as("expert").body(Map.of("comment", "Clear and correct.")).put("/api/reviews/" + review + "/comments/" + firstQuestion).then().statusCode(204);
        Api.as("expert").body(Map.of("conformityOk", true, "difficultyOk", true, "wordingOk", true)).post("/api/reviews/" + review + "/conclusion")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", equalTo(List.of("conclusion", "overallComment")));
        Api.as("expert").body(Map.of("conformityOk", true, "difficultyOk", true, "wordingOk", true, "conclusion", "FIT",
                        "forComputer", true, "forWritten", false, "overallComment", "Fit for computer testing."))
                .post("/api/reviews/" + review + "/conclusion").then().statusCode(200).body("state", equalTo("CONCLUDED"))
                .body("validUntil", equalTo(AcademicYear.containing(LocalDate.now()).lastDay().toString()));
        Api.as("head").get("/api/banks").then().body("find { it.title == 'Full cycle' }.usable", equalTo(true));
        // a signed conclusion is final; a re-review makes a new one
        Api.as("expert").body(Map.of("comment", "changed my mind")).put("/api/reviews/" + review + "/comments/" + firstQuestion)
                .then().statusCode(409).body("code", equalTo("REVIEW_CONCLUDED"));
        // printable documents
        // the bank is in English: so are its documents by default
        byte[] passport = Api.as("head").get("/api/bank-versions/" + v + "/passport.pdf").then().statusCode(200).extract().asByteArray();
        String text = pdfText(passport);
        assertTrue(text.contains("Algebra") && text.contains("minutes No. 9") && text.contains("fit"), text);
        String conclusion = pdfText(Api.as("head").get("/api/reviews/" + review + "/conclusion.pdf").then().statusCode(200).extract().asByteArray());
        assertTrue(conclusion.contains("Fit for computer testing") && conclusion.contains("Clear and correct."), conclusion);
        // the passport and the conclusion in Kazakh and Russian (issue 15)
        io.restassured.path.json.JsonPath version = Api.as("head").get("/api/bank-versions/" + v).then().extract().jsonPath();
        List<String> data = new java.util.ArrayList<>(List.of("Full cycle", "Fit for computer testing.", "Clear and correct.", "9",
                String.valueOf(version.getString("passport.discipline")), String.valueOf(version.getString("passport.programme")),
                String.valueOf(version.getString("passport.referenceMaterials"))));
        for (Object q : Api.as("expert").get("/api/reviews/" + review).then().extract().jsonPath().getList("questions.stem")) data.add(String.valueOf(q));
        data.addAll(version.getList("reviews.expert", String.class));
        data.addAll(version.getList("compilers.fullName", String.class));
        for (String lang : List.of("kk", "ru")) {
            String p = kz.adal.testing.OfficialDocumentCheck.check("passport",
                    Api.as("head").get("/api/bank-versions/" + v + "/passport.pdf?lang=" + lang).then().statusCode(200).extract().asByteArray(), lang, data);
            assertTrue(p.contains(lang.equals("kk") ? "Тест базасының паспорты" : "Паспорт тестовой базы"), p);
            String c = kz.adal.testing.OfficialDocumentCheck.check("conclusion",
                    Api.as("head").get("/api/reviews/" + review + "/conclusion.pdf?lang=" + lang).then().statusCode(200).extract().asByteArray(), lang, data);
            assertTrue(c.contains(lang.equals("kk") ? "тестілеуге жарамды: компьютерлік" : "пригодна для тестирования: компьютерного"), c);
        }
        // a new version starts as a copy and can be edited
        String v2 = Api.as("author").post("/api/bank-versions/" + v + "/new-version").then().statusCode(200)
                .body("number", equalTo(2)).body("state", equalTo("DRAFT")).body("questions", hasSize(120)).extract().path("id");
        Api.as("author").body(question("A new one", 5, true)).post("/api/bank-versions/" + v2 + "/questions").then().statusCode(200);
    }

    @Test
    void expertsMustBeListedAndNeverCompilers() {
        // a person who is both author and expert compiles a bank and may not review it
        Api.as("admin").body(Map.of("login", "author.expert", "fullName", "Author Expert", "roles", List.of("BANK_AUTHOR", "BANK_EXPERT"),
                "password", "pass-word1")).post("/api/users").then().statusCode(200);
        String ae = Api.as("admin").get("/api/users?q=author.expert").then().extract().path("[0].id");
        String year = AcademicYear.containing(LocalDate.now()).toString();
        String v = newBank("Conflict bank", "en");
        upload(v, "apply", "GIFT", demoGift("en"), "").statusCode(200);
        String bankId = Api.as("author").get("/api/bank-versions/" + v).then().extract().path("bankId");
        String author = Api.as("admin").get("/api/users?q=author").then().extract().path("find { it.login == 'author' }.id");
        Api.as("author").body(List.of(author, ae)).put("/api/banks/" + bankId + "/compilers").then().statusCode(200);
        Api.as("head").body(Map.of("approvedOn", LocalDate.now().toString(), "minutesNumber", "11")).post("/api/bank-versions/" + v + "/approval").then().statusCode(200);
        Api.as("head").body(Map.of("expertId", ae)).post("/api/bank-versions/" + v + "/reviews")
                .then().statusCode(409).body("code", equalTo("EXPERT_IS_COMPILER"));
        // someone with the expert role but not on this year's list
        Api.as("admin").body(Map.of("login", "unlisted.expert", "fullName", "Unlisted Expert", "roles", List.of("BANK_EXPERT"),
                "password", "pass-word1")).post("/api/users").then().statusCode(200);
        String unlisted = Api.as("admin").get("/api/users?q=unlisted.expert").then().extract().path("[0].id");
        Api.as("head").body(Map.of("expertId", unlisted)).post("/api/bank-versions/" + v + "/reviews")
                .then().statusCode(409).body("code", equalTo("EXPERT_NOT_APPROVED"));
        Api.as("head").body(Map.of("userId", unlisted, "academicYear", year, "approvedOn", LocalDate.now().toString()))
                .post("/api/experts").then().statusCode(200);
        Api.as("head").body(Map.of("expertId", unlisted)).post("/api/bank-versions/" + v + "/reviews").then().statusCode(200);
        Api.as("head").get("/api/experts").then().body("userId", hasItem(unlisted));
    }

    @Test
    void exportsRoundTripInAllThreeFormats() {
        for (String format : List.of("GIFT", "MOODLE_XML")) {
            String v = newBank("Round trip " + format.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), "kk");
            upload(v, "apply", "GIFT", demoGift("kk"), "").statusCode(200);
            byte[] out = Api.as("author").get("/api/bank-versions/" + v + "/export?format=" + format).then().statusCode(200).extract().asByteArray();
            String v2 = newBank("Round trip back " + format.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), "kk");
            upload(v2, "apply", format, out, "").log().ifValidationFails().statusCode(200).body("imported", equalTo(120));
            byte[] again = Api.as("author").get("/api/bank-versions/" + v2 + "/export?format=" + format).then().extract().asByteArray();
            assertArrayEquals(out, again, format);
        }
    }

    @Test
    void aikenCarriesOnlySingleAnswerQuestions() {
        String v = newBank("Aiken trip", "en");
        upload(v, "apply", "GIFT", demoGift("en"), "").statusCode(200);
        // the demo bank has multiple-response questions, which Aiken (004 form 05) can't express
        Api.as("author").get("/api/bank-versions/" + v + "/export?format=AIKEN").then().statusCode(422)
                .body("code", equalTo("EXPORT_IMPOSSIBLE")).body("errors[0].code", equalTo("AIKEN_SINGLE_CORRECT_ONLY"));
        String single = newBank("Aiken single", "en");
        byte[] aiken = "What is 2+2?\nA. 3\nB. 4\nC. 5\nD. 6\nE. 7\nANSWER: B\nDIFFICULTY: easy\nTOPIC: week-1\n".getBytes(StandardCharsets.UTF_8);
        upload(single, "apply", "AIKEN", aiken, "").statusCode(200);
        byte[] out = Api.as("author").get("/api/bank-versions/" + single + "/export?format=AIKEN").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(out, StandardCharsets.UTF_8).contains("ANSWER: B"));
    }

    @Test
    void rolesSeeOnlyWhatTheyMay() {
        String v = newBank("Private bank", "en");
        Api.as("student").get("/api/banks").then().statusCode(403);
        Api.as("student").get("/api/bank-versions/" + v).then().statusCode(403);
        // a teacher may list banks (to choose one for an exam) but not read the questions and answers
        Api.as("teacher").get("/api/banks").then().statusCode(200).body("title", hasItems("Private bank"));
        Api.as("teacher").get("/api/bank-versions/" + v).then().statusCode(403);
        Api.as("teacher").body(question("x", 5, true)).post("/api/bank-versions/" + v + "/questions").then().statusCode(403);
        // an expert without an assignment sees nothing of it
        Api.as("expert").get("/api/bank-versions/" + v).then().statusCode(403);
        Api.as("expert").body(Map.of("approvedOn", "2026-01-01", "minutesNumber", "1")).post("/api/bank-versions/" + v + "/approval").then().statusCode(403);
        // another author is not a compiler of this bank
        Api.as("admin").body(Map.of("login", "other.author", "fullName", "Other Author", "roles", List.of("BANK_AUTHOR"),
                "password", "pass-word1")).post("/api/users").then().statusCode(200);
        Api.as("other.author", "pass-word1").get("/api/bank-versions/" + v).then().statusCode(403);
        Api.as("other.author", "pass-word1").get("/api/banks").then().statusCode(200).body("title", not(hasItem("Private bank")));
        Api.as("other.author", "pass-word1").body(question("x", 5, true)).post("/api/bank-versions/" + v + "/questions").then().statusCode(403);
        Api.as("head").get("/api/bank-versions/" + v).then().statusCode(200);
    }

    static String pdfText(byte[] pdf) {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var ex = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) sb.append(ex.getTextFromPage(i)).append('\n');
            return sb.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
