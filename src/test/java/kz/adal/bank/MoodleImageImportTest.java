package kz.adal.bank;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.bank.format.Fixtures;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A Moodle question with an embedded image arrives with its image, stored and served as an image. */
@QuarkusTest
class MoodleImageImportTest {

    @Test
    void anImportedImageIsStoredAndServed() {
        String version = BankApiTest.newBank("Moodle images", "en");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><quiz>");
        xml.append("<question type=\"multichoice\"><name><text>q</text></name><questiontext format=\"html\"><text><![CDATA[")
                .append("<p>Which formula is water?</p><img src=\"@@PLUGINFILE@@/w.png\">]]></text>")
                .append("<file name=\"w.png\" path=\"/\" encoding=\"base64\">").append(Fixtures.PNG_BASE64).append("</file></questiontext>")
                .append("<answer fraction=\"100\"><text>H<sub>2</sub>O</text></answer>");
        for (String o : new String[]{"HO", "H2O2", "CO2", "O3"}) xml.append("<answer fraction=\"0\"><text>").append(o).append("</text></answer>");
        xml.append("<tags><tag><text>easy</text></tag></tags></question></quiz>");
        byte[] file = xml.toString().getBytes(StandardCharsets.UTF_8);

        Api.as("author").contentType("application/octet-stream").body(file)
                .post("/api/bank-versions/" + version + "/import/apply?format=MOODLE_XML&defaultTopic=week-1")
                .then().statusCode(200).body("imported", equalTo(1));
        var detail = Api.as("author").get("/api/bank-versions/" + version).then().statusCode(200)
                .body("questions[0].hasImage", equalTo(true))
                .body("questions[0].options[0].text", equalTo("H₂O"))
                .extract();
        String questionId = detail.path("questions[0].id");
        byte[] image = Api.as("author").get("/api/questions/" + questionId + "/image").then().statusCode(200)
                .header("Content-Type", equalTo("image/png")).extract().asByteArray();
        assertArrayEquals(Base64.getDecoder().decode(Fixtures.PNG_BASE64), image);
    }
}
