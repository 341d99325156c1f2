package kz.adal.bank;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.adal.bank.format.Fixtures;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bank exported to Moodle XML comes back unchanged through the Moodle XML importer (the one that reads Moodle's own
 * exports): stems, options in order, correct answers (single and multiple), difficulty, topic, sub- and superscripts and
 * the question's embedded image. The file is shaped as Moodle's "Moodle XML format" page says a multichoice question is.
 */
@QuarkusTest
class MoodleXmlExportTest {

    @Test
    void anExportedBankReimportsUnchanged() {
        String source = BankApiTest.newBank("Moodle export source", "en");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><quiz>");
        // one with an image, a subscript and a superscript in the stem
        xml.append("<question type=\"multichoice\"><name><text>q1</text></name><questiontext format=\"html\"><text><![CDATA[")
                .append("<p>Which is H<sub>2</sub>O &amp; what is x<sup>2</sup> at x = 3?</p><p><img src=\"@@PLUGINFILE@@/w.png\"></p>]]></text>")
                .append("<file name=\"w.png\" path=\"/\" encoding=\"base64\">").append(Fixtures.PNG_BASE64)
                .append("</file></questiontext>")
                .append("<single>true</single><answer fraction=\"100\"><text>Water, 9</text></answer>");
        for (String o : new String[]{"Ice, 6", "Steam, 3", "Salt <b>&lt;</b> 1", "Air, 0"}) {
            xml.append("<answer fraction=\"0\" format=\"html\"><text><![CDATA[").append(o).append("]]></text></answer>");
        }
        xml.append("<tags><tag><text>difficulty:easy</text></tag><tag><text>topic:week-2</text></tag></tags></question>");
        // one with two correct answers and no image
        xml.append("<question type=\"multichoice\"><name><text>q2</text></name><questiontext format=\"plain_text\"><text>")
                .append("Pick the primes — and «quotes» too</text></questiontext><single>false</single>")
                .append("<answer fraction=\"50\"><text>2</text></answer><answer fraction=\"50\"><text>3</text></answer>")
                .append("<answer fraction=\"-33.33333\"><text>4</text></answer><answer fraction=\"-33.33333\"><text>6</text></answer>")
                .append("<answer fraction=\"-33.33333\"><text>8</text></answer>")
                .append("<tags><tag><text>difficulty:hard</text></tag><tag><text>topic:week-3</text></tag></tags></question></quiz>");
        Api.as("author").contentType("application/octet-stream").body(xml.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/bank-versions/" + source + "/import/apply?format=MOODLE_XML&defaultTopic=week-1")
                .then().statusCode(200).body("imported", equalTo(2));

        byte[] exported = Api.as("author").get("/api/bank-versions/" + source + "/export?format=MOODLE_XML")
                .then().statusCode(200).extract().asByteArray();
        String file = new String(exported, StandardCharsets.UTF_8);
        // Moodle's shape: html question text with the image through @@PLUGINFILE@@ and the file embedded in base64
        assertTrue(file.contains("<questiontext format=\"html\">"), file);
        assertTrue(file.contains("<sub>2</sub>") && file.contains("<sup>2</sup>"), file);
        assertTrue(file.contains("<img src=\"@@PLUGINFILE@@/question-1.png\""), file);
        assertTrue(file.contains("<file name=\"question-1.png\" path=\"/\" encoding=\"base64\">" + Fixtures.PNG_BASE64), file);
        assertTrue(file.contains("<single>false</single>"), file);

        String copy = BankApiTest.newBank("Moodle export copy", "en");
        Api.as("author").contentType("application/octet-stream").body(exported)
                .post("/api/bank-versions/" + copy + "/import/apply?format=MOODLE_XML&defaultTopic=week-9")
                .then().statusCode(200).body("imported", equalTo(2));

        JsonPath before = Api.as("author").get("/api/bank-versions/" + source).then().statusCode(200).extract().jsonPath();
        JsonPath after = Api.as("author").get("/api/bank-versions/" + copy).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> a = before.getList("questions");
        List<Map<String, Object>> b = after.getList("questions");
        assertEquals(2, a.size());
        assertEquals("Which is H₂O & what is x² at x = 3?", a.get(0).get("stem"));
        for (int i = 0; i < a.size(); i++) {
            for (String field : List.of("stem", "options", "difficulty", "topic", "hasImage")) {
                assertEquals(a.get(i).get(field), b.get(i).get(field), "question " + (i + 1) + " " + field);
            }
        }
        byte[] image = Api.as("author").get("/api/questions/" + b.get(0).get("id") + "/image").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(Base64.getDecoder().decode(Fixtures.PNG_BASE64), image);
    }
}
