package kz.adal.bank;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A bank's and a question's bad fields are refused by their constraints, answered once by the problem mapper: 400
 * problem+json INVALID_REQUEST, one error per field with a FIELD_* code and a sentence naming the field as a Kazakh or
 * Russian reader names it; the same request made right still passes.
 */
@QuarkusTest
class BankFieldsTest {

    private static final Map<String, Object> BAD_BANK = Map.of("title", " ", "discipline", "Algebra", "programme", "6B01501",
            "language", "de");

    @Test
    void aBankWithoutATitleAndInAnUnknownLanguageIsRefusedNamingBothFields() {
        Api.as("author").header("Accept-Language", "kk").body(BAD_BANK).post("/api/banks").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("Сұраудың мына өрістері дұрыс толтырылмаған: тіл, атауы."))
                .body("errors", hasSize(2))
                .body("errors.find { it.field == 'title' }.code", equalTo("FIELD_REQUIRED"))
                .body("errors.find { it.field == 'title' }.message", equalTo("«атауы» өрісін толтырыңыз."))
                .body("errors.find { it.field == 'language' }.code", equalTo("FIELD_FORMAT"))
                .body("errors.find { it.field == 'language' }.message", equalTo("«тіл» өрісі қажетті пішімге сәйкес келмейді."));
        Api.as("author").header("Accept-Language", "ru").body(BAD_BANK).post("/api/banks").then()
                .statusCode(400).body("detail", equalTo("В запросе неверно заполнены поля: язык, название."))
                .body("errors.find { it.field == 'title' }.message", equalTo("Заполните поле «название»."));
        Api.as("author").header("Accept-Language", "en").body(BAD_BANK).post("/api/banks").then()
                .statusCode(400).body("errors.find { it.field == 'language' }.message", equalTo("Language must be kk, ru or en"));

        Map<String, Object> fine = new HashMap<>(BAD_BANK);
        fine.put("title", "Fields bank");
        fine.put("language", "kk");
        Api.as("author").body(fine).post("/api/banks").then().statusCode(200).body("title", equalTo("Fields bank"));
    }

    @Test
    void aMissingBodyIsRefusedForEveryRequiredField() {
        Api.as("author").header("Accept-Language", "ru").contentType("application/json").body("null").post("/api/banks").then()
                .statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", equalTo(List.of("discipline", "language", "programme", "title")));
    }

    @Test
    void aQuestionWithABlankOptionAndNoDifficultyIsRefusedNamingThem() {
        String v = BankApiTest.newBank("Question fields", "ru");
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < 5; i++) options.add(Map.of("text", i == 3 ? " " : "option " + i, "correct", i == 0));
        Map<String, Object> bad = new HashMap<>(Map.of("stem", "Which?", "options", options, "topic", "week-1"));
        Api.as("author").header("Accept-Language", "kk").body(bad).post("/api/bank-versions/" + v + "/questions").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", equalTo(List.of("difficulty", "options.text")))
                .body("errors.find { it.field == 'difficulty' }.message", equalTo("«қиындық деңгейі» өрісін толтырыңыз."))
                .body("errors.find { it.field == 'options.text' }.message", equalTo("«нұсқа мәтіні» өрісін толтырыңыз."));
        Api.as("author").header("Accept-Language", "ru").body(bad).post("/api/bank-versions/" + v + "/questions").then()
                .statusCode(400).body("detail", equalTo("В запросе неверно заполнены поля: сложность, текст варианта."));
        bad.put("stem", "x".repeat(4001));
        Api.as("author").header("Accept-Language", "ru").body(bad).post("/api/bank-versions/" + v + "/questions").then()
                .statusCode(400).body("errors.find { it.field == 'stem' }.code", equalTo("FIELD_LENGTH"))
                .body("errors.find { it.field == 'stem' }.message", equalTo("Текст вопроса — не более 4000 символов."));
        // nothing was saved; made right, it is
        Api.as("author").get("/api/bank-versions/" + v).then().statusCode(200).body("questions", hasSize(0));
        Api.as("author").body(BankApiTest.question("Which?", 5, true)).post("/api/bank-versions/" + v + "/questions").then()
                .statusCode(200).body("position", equalTo(1));
        // the rules across options stay the service's, with their own codes
        Api.as("author").body(BankApiTest.question("None correct?", 5, false)).post("/api/bank-versions/" + v + "/questions")
                .then().statusCode(400).body("code", equalTo("NO_CORRECT_ANSWER"));
    }
}
