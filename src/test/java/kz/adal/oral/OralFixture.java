package kz.adal.oral;

import io.restassured.path.json.JsonPath;
import kz.adal.testing.Api;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;

/** Builds oral sittings through the real API, as the demo head of department would. */
final class OralFixture {
    private static final Map<String, String> IDS = new HashMap<>();

    private OralFixture() {}

    static String id(String login) {
        return IDS.computeIfAbsent(login, l -> Api.as("admin").queryParam("q", l).get("/api/users").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.login == '" + l + "' }.id", String.class).get(0));
    }

    /** A valid setup body: the demo commission, "student" admitted, 10 tickets of 3 questions (kk). */
    static Map<String, Object> setup() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", "Test sitting");
        b.put("emergencyBasis", "Order No. 7 of 2026-05-01: quarantine declared in the region");
        b.put("studyLevel", "BACHELOR");
        b.put("date", LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString());
        b.put("programme", "6B06102 Information systems");
        b.put("language", "kk");
        b.put("chairId", id("chair"));
        b.put("memberIds", List.of(id("member1"), id("member2")));
        b.put("secretaryId", id("secretary"));
        b.put("headId", id("head"));
        b.put("studentIds", List.of(id("student")));
        b.put("allowRepeatTickets", false);
        b.put("preparationMinutes", 20);
        b.put("answerMinutes", 15);
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) tickets.add(Map.of("number", i, "questions", List.of("Сұрақ " + i + ".1", "Сұрақ " + i + ".2", "Сұрақ " + i + ".3")));
        b.put("tickets", tickets);
        return b;
    }

    static JsonPath create(Map<String, Object> body) {
        return Api.as("head").body(body).post("/api/oral/sittings").then().statusCode(201)
                .body("sittingId", notNullValue()).extract().jsonPath();
    }

    static String firstTurn(JsonPath room) {
        return room.getString("turns[0].id");
    }

    /** A small real JPEG. */
    static byte[] jpeg() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 30, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void snapshot(String turnId, String kind) {
        Api.as("secretary").contentType("image/jpeg").body(jpeg()).post("/api/oral/turns/" + turnId + "/snapshots?kind=" + kind)
                .then().statusCode(200);
    }

    static Map<String, Object> passingCheck() {
        Map<String, Boolean> items = new LinkedHashMap<>();
        OralSittingService.CHECKLIST.forEach(i -> items.put(i, true));
        return Map.of("idDocumentChecked", true, "idDocument", "ID card № 012345678", "checklist", items, "note", "calm room");
    }

    /** Snapshot + passing check: the turn is CHECKED and its commitment is set. */
    static String check(String turnId) {
        snapshot(turnId, "IDENTITY");
        return Api.as("secretary").body(passingCheck()).post("/api/oral/turns/" + turnId + "/check").then().statusCode(200)
                .extract().jsonPath().getString("turns.find { it.id == '" + turnId + "' }.commitment");
    }
}
