package kz.adal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule-violation type is mapped by the one mapper, with its status and stable code. */
class RuleViolationTest {

    static ProblemMapper mapperIn(String lang) {
        ProblemMapper m = new ProblemMapper();
        m.language = new RequestLanguage() {
            @Override public String get() { return lang; }
        };
        return m;
    }

    @Test
    void aKazakhReaderGetsTheCataloguesSentenceWithTheSameCode() {
        Response r = mapperIn("kk").problem(RuleViolation.forbidden("ACT_NOT_A_MEMBER", "Only the commission votes"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertEquals("ACT_NOT_A_MEMBER", body.get("code"));
        assertEquals(Texts.problem("kk", "ACT_NOT_A_MEMBER"), body.get("detail"));
        org.junit.jupiter.api.Assertions.assertNotEquals("Only the commission votes", body.get("detail"));
    }

    @Test
    void theMapperAnswersProblemDetailsWithTheViolationsStatusAndCode() {
        Response r = mapperIn("en").problem(RuleViolation.forbidden("ACT_NOT_A_MEMBER", "Only the commission votes"), null);
        assertEquals(403, r.getStatus());
        assertEquals(ProblemMapper.PROBLEM_JSON, r.getMediaType());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertEquals("ACT_NOT_A_MEMBER", body.get("code"));
        assertEquals("Only the commission votes", body.get("detail"));
        assertEquals("https://adal.kz/problems/act-not-a-member", body.get("type"));
    }

    @Test
    void eachKindHasItsStatusAndErrorsTravel() {
        assertEquals(409, RuleViolation.conflict("X", "x").status());
        assertEquals(422, RuleViolation.invalid("X", "x").status());
        assertEquals(400, RuleViolation.badRequest("X", "x").status());
        RuleViolation withWindow = new RuleViolation(422, "APPEAL_FILING_CLOSED", "closed", List.of(Map.of("closesAt", "t")));
        assertEquals(List.of(Map.of("closesAt", "t")), withWindow.errors());
    }

    @Test
    void codesAreUpperSnakeLikeEveryOtherProblemCode() { // the pages look up problem.<CODE> in their bundles
        assertThrows(IllegalArgumentException.class, () -> RuleViolation.conflict("act.not-a-member", "x"));
    }
}
